package dev.rewind.system.faults;

import java.nio.file.Path;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints the fault suite's summary when the test run ends, and writes it to {@code target/fault-suite/summary.md}. */
public final class FaultReportPrinter implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (FaultReport.isEmpty()) {
            return;
        }
        Path file = Path.of("target/fault-suite/summary.md").toAbsolutePath();
        FaultReport.write(file);
        System.out.println();
        System.out.println(FaultReport.markdown());
        System.out.println("(written to " + file + ")");
    }
}
