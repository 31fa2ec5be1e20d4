package dev.rewind.cli;

import static dev.rewind.cli.StubRewind.PROBLEM;
import static dev.rewind.cli.StubRewind.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackCommandTest {

    @TempDir
    Path home;

    private StubRewind detector;

    @BeforeEach
    void start() throws IOException {
        detector = new StubRewind();
    }

    @AfterEach
    void stop() {
        detector.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of("REWIND_TOKEN", "alice-token"), home,
                appended(args, "--requests-url", detector.url()));
    }

    private static String[] appended(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void requestsARollbackAndNamesTheIncidentItOpened() {
        detector.on("POST", "/api/v1/rollbacks", 202, StubRewind.JSON, fixture("rollback-accepted.json"));

        CliRun run = run("rollback", "production/payments/checkout", "--reason", "5xx since the 14:20 deploy",
                "--severity", "P1", "--to-revision", "41", "--idempotency-key", "retry-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("INCIDENT-124 opened: rollback of production/payments/checkout requested")
                .contains("rewind incident 124");
        StubRewind.Received request = detector.received.get(0);
        assertThat(request.body()).isEqualTo("{\"environment\":\"production\",\"namespace\":\"payments\","
                + "\"service\":\"checkout\",\"reason\":\"5xx since the 14:20 deploy\",\"severity\":\"P1\","
                + "\"toRevision\":41}");
        assertThat(request.idempotencyKey()).isEqualTo("retry-1");
    }

    @Test
    void aTargetWithAnOpenIncidentIsRefusedNamingIt() {
        detector.on("POST", "/api/v1/rollbacks", 409, PROBLEM, fixture("problem-409-open-incident.json"));

        CliRun run = run("rollback", "production/payments/checkout", "--reason", "5xx", "--severity", "P1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.err()).contains("has an open incident, INCIDENT-12", "open incident: INCIDENT-12");
    }

    @Test
    void aRevisionTheHistoryLacksIsRefusedWithTheServersDetail() {
        detector.on("POST", "/api/v1/rollbacks", 422, PROBLEM, fixture("problem-422-revision.json"));

        CliRun run = run("rollback", "production/payments/checkout", "--reason", "5xx", "--severity", "P1",
                "--to-revision", "40");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.err()).contains("refused (422): revision 40 is not in the history");
    }

    @Test
    void aMalformedTargetOrSeverityIsAUsageErrorAndSendsNothing() {
        CliRun target = run("rollback", "production/checkout", "--reason", "5xx", "--severity", "P1");
        CliRun severity = run("rollback", "production/payments/checkout", "--reason", "5xx", "--severity", "P5");

        assertThat(target.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(target.err()).contains("ENVIRONMENT/NAMESPACE/SERVICE");
        assertThat(severity.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(detector.received).isEmpty();
    }
}
