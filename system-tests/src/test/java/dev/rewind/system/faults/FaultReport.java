package dev.rewind.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault suite's summary: one row per scenario (what was injected, what was checked, how it ended) and the
 * measured recovery time of each service; printed and written to {@code target/fault-suite/summary.md} when the
 * test run ends ({@link FaultReportPrinter}).
 */
public final class FaultReport {

    /** One scenario's line. */
    public record Row(String scenario, String injected, String checked, String outcome) {
    }

    /** One service's time from a restart to processing again. */
    public record Recovery(String service, String fault, double seconds, String measuredTo) {
    }

    private static final List<Row> ROWS = new ArrayList<>();
    private static final List<Recovery> RECOVERIES = new ArrayList<>();

    private FaultReport() {
    }

    /** Records a scenario's line; call it when the scenario's assertions have passed (or with the failure). */
    public static synchronized void record(String scenario, String injected, String checked, String outcome) {
        ROWS.add(new Row(scenario, injected, checked, outcome));
    }

    /** Records a scenario that failed, with the first line of its failure as the outcome. */
    public static void failed(String scenario, String injected, String checked, Throwable failure) {
        String message = String.valueOf(failure.getMessage()).strip();
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        record(scenario, injected, checked, "FAILED: " + failure.getClass().getSimpleName() + ": "
                + line.replace('|', '/'));
    }

    /** Records a service's measured recovery. */
    public static synchronized void recovery(String service, String fault, double seconds, String measuredTo) {
        RECOVERIES.add(new Recovery(service, fault, seconds, measuredTo));
    }

    static synchronized boolean isEmpty() {
        return ROWS.isEmpty() && RECOVERIES.isEmpty();
    }

    /** The summary as Markdown tables. */
    static synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Fault suite (").append(FaultSize.current().name().toLowerCase()).append(" size, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores)\n\n");
        if (!ROWS.isEmpty()) {
            out.append("| scenario | injected | checked | outcome |\n|---|---|---|---|\n");
            ROWS.forEach(r -> out.append("| ").append(r.scenario()).append(" | ").append(r.injected()).append(" | ")
                    .append(r.checked()).append(" | ").append(r.outcome()).append(" |\n"));
        }
        if (!RECOVERIES.isEmpty()) {
            out.append("\n| service | fault | restart to processing again | measured to |\n|---|---|---|---|\n");
            RECOVERIES.forEach(r -> out.append("| ").append(r.service()).append(" | ").append(r.fault()).append(" | ")
                    .append(String.format("%.1f s", r.seconds())).append(" | ").append(r.measuredTo())
                    .append(" |\n"));
        }
        return out.toString();
    }

    static void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
