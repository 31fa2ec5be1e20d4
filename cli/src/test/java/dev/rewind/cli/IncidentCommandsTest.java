package dev.rewind.cli;

import static dev.rewind.cli.StubRewind.JSON;
import static dev.rewind.cli.StubRewind.PROBLEM;
import static dev.rewind.cli.StubRewind.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentCommandsTest {

    @TempDir
    Path home;

    private StubRewind rewind;

    @BeforeEach
    void start() throws IOException {
        rewind = new StubRewind();
    }

    @AfterEach
    void stop() {
        rewind.close();
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of("REWIND_ENDPOINT", rewind.url(), "REWIND_TOKEN", "viewer-token"), home, args);
    }

    @Test
    void listsIncidentsAsATableWithTheTimeLeftToEachDeadline() {
        rewind.on("GET", "/api/v1/incidents", 200, JSON, fixture("incidents-page.json"));

        CliRun run = run("incidents");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(4);
        assertThat(run.out()).contains("OPENED (UTC)", "INCIDENT-12  P1", "AWAITING_APPROVAL",
                "production/shop-production/checkout", "2026-11-29 05:00:00Z", "10m00s left", "met (4m29s)");
        assertThat(run.err()).contains("--cursor eyJhdCI6IjIwMjYtMTEtMjhUMjM6NTk6NTlaIn0");
        assertThat(rewind.received).singleElement().extracting(StubRewind.Received::authorization)
                .isEqualTo("Bearer viewer-token");
    }

    @Test
    void sendsTheFiltersAsTheApiNamesThem() {
        rewind.on("GET", "/api/v1/incidents?service=checkout%2Ccart&environment=production&severity=P1"
                + "&status=awaiting-approval&from=2026-11-28T05%3A05%3A00Z&q=5xx&limit=10", 200, JSON,
                "{\"items\":[],\"next\":null}");

        CliRun run = run("incidents", "--service", "checkout,cart", "--env", "production", "--severity", "P1",
                "--status", "awaiting-approval", "--since", "24h", "-q", "5xx", "--limit", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no incidents match");
    }

    @Test
    void printsTheApisJsonForScripts() {
        String page = fixture("incidents-page.json").strip();
        rewind.on("GET", "/api/v1/incidents", 200, JSON, page);

        CliRun run = run("incidents", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(page);
    }

    @Test
    void aBadTimeBoundIsAUsageError() {
        CliRun run = run("incidents", "--since", "yesterday");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--since", "'yesterday' is neither");
        assertThat(rewind.received).isEmpty();
    }

    @Test
    void showsOneIncidentWithItsTimelineFromDetection() {
        rewind.on("GET", "/api/v1/incidents/11", 200, JSON, fixture("incident-11.json"));

        CliRun run = run("incident", "INCIDENT-11");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("INCIDENT-11  staging/shop-staging/checkout  P2  ROLLED_BACK")
                .contains("Release:", "v1.3.0 -> v1.2.5 (kubectl)", "Deadline:", "1h00m, due 2026-11-29 05:00:00Z, MET",
                        "Approval:", "APPROVED by policy via policy", "to roll back 4m29s")
                .contains("2026-11-29 04:00:00Z  +0s     opened", "2026-11-29 04:04:29Z  +4m29s  succeeded");
    }

    @Test
    void anUnknownIncidentExitsFourWithTheServersWords() {
        rewind.on("GET", "/api/v1/incidents/99", 404, PROBLEM, fixture("problem-404-incident.json"));

        CliRun run = run("incident", "99");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(run.err()).contains("rewind: not found (404): no incident 99");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anIncidentThatIsNoNumberIsAUsageError() {
        CliRun run = run("incident", "checkout");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("123 or INCIDENT-123");
    }

    @Test
    void printsThePostMortemAsMarkdown() {
        rewind.on("GET", "/api/v1/incidents/11/postmortem?format=markdown", 200, "text/markdown;charset=UTF-8",
                fixture("postmortem-11.md"));

        CliRun run = run("postmortem", "11");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(fixture("postmortem-11.md"));
    }

    @Test
    void aServerErrorExitsThree() {
        rewind.on("GET", "/api/v1/incidents/11", 503, PROBLEM,
                "{\"status\":503,\"title\":\"Service Unavailable\",\"detail\":\"the database is not reachable\"}");

        CliRun run = run("incident", "11");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(run.err()).contains("failed (503): the database is not reachable");
    }

    @Test
    void nothingListeningExitsThreeNamingWhereItLooked() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CliRun run = CliRun.of(Map.of(), home, "incidents", "--incidents-url", "http://127.0.0.1:" + port);

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(run.err()).contains("cannot reach the incident API (postmortem-service) at http://127.0.0.1:"
                + port + "/api/v1/incidents", "REWIND_INCIDENTS_URL");
    }

    @Test
    void aMissingTokenIsNamedWhenTheServerAsksForOne() {
        rewind.on("GET", "/api/v1/incidents", 401, JSON, "");

        CliRun run = CliRun.of(Map.of("REWIND_ENDPOINT", rewind.url()), home, "incidents");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_ALLOWED);
        assertThat(run.err()).contains("not authenticated (401)", "no token is configured", "REWIND_TOKEN");
        assertThat(rewind.received).singleElement().extracting(StubRewind.Received::authorization).isNull();
    }
}
