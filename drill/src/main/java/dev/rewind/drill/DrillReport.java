package dev.rewind.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Renders a drill's result as the report people read: timeline, success criteria, where to look next, verdict. */
public final class DrillReport {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private DrillReport() {
    }

    public static String render(DrillResult result) {
        StringBuilder report = new StringBuilder();
        report.append("\nRollback drill, ").append(result.scenario()).append(", ").append(result.target()).append('\n');
        report.append("\nTimeline (UTC; offsets from the injected fault)\n");
        result.timeline().stream().sorted(Comparator.comparing(DrillResult.Mark::at)).forEach(mark ->
                report.append(String.format(Locale.ROOT, "  %s  %9s  %-8s %s%n", CLOCK.format(mark.at()),
                        offset(result.faultInjectedAt(), mark.at()), mark.source(), mark.what())));
        report.append("\nSuccess criteria\n");
        result.criteria().forEach(criterion -> report.append(String.format(Locale.ROOT, "  %-6s  %s: %s%n",
                criterion.required() ? (criterion.met() ? "PASS" : "FAIL") : (criterion.met() ? "MET" : "MISSED"),
                criterion.name(), criterion.measured())));
        if (!result.whereToLook().isEmpty()) {
            report.append("\nWhere to look next\n");
            result.whereToLook().forEach(line -> report.append("  ").append(line).append('\n'));
        }
        report.append('\n');
        if (result.failure() != null) {
            report.append("Scenario FAILED: ").append(result.failure()).append('\n');
        } else if (!result.passed()) {
            report.append("Scenario FAILED: a required success criterion was not met\n");
        } else {
            report.append("Scenario PASSED\n");
        }
        return report.toString();
    }

    /** One line per scenario, then the verdict over all of them. */
    public static String summary(List<DrillResult> results) {
        StringBuilder summary = new StringBuilder("\nScenarios\n");
        results.forEach(result -> summary.append(String.format(Locale.ROOT, "  %-6s  %s%n",
                result.passed() ? "PASSED" : "FAILED", result.scenario())));
        long failed = results.stream().filter(result -> !result.passed()).count();
        summary.append(failed == 0 ? "\nDrill PASSED (" + results.size() + " scenarios)\n"
                : "\nDrill FAILED (" + failed + " of " + results.size() + " scenarios)\n");
        return summary.toString();
    }

    private static String offset(Instant origin, Instant at) {
        if (origin == null) {
            return "";
        }
        long millis = Duration.between(origin, at).toMillis();
        return String.format(Locale.ROOT, "%+.1f s", millis / 1000.0);
    }
}
