package dev.rewind.cli;

import static dev.rewind.cli.StubRewind.JSON;
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

class VoteCommandsTest {

    private static final String UNDECIDED = "/api/v1/approvals?state=PENDING%2CHELD&limit=500";
    private static final String DECIDED = "/api/v1/approvals?state=APPROVED%2CREJECTED%2CEXPIRED&limit=500";
    private static final String REQUEST_12 = "5e21aa00-0000-4000-8000-000000000012";
    private static final String REQUEST_9 = "5e21aa00-0000-4000-8000-000000000009";

    @TempDir
    Path home;

    private StubRewind rewind;

    @BeforeEach
    void start() throws IOException {
        rewind = new StubRewind()
                .on("GET", UNDECIDED, 200, JSON, fixture("approvals-undecided.json"))
                .on("GET", DECIDED, 200, JSON, fixture("approvals-decided.json"));
    }

    @AfterEach
    void stop() {
        rewind.close();
    }

    private CliRun run(String token, String... args) {
        return CliRun.of(Map.of("REWIND_APPROVALS_URL", rewind.url(), "REWIND_TOKEN", token), home, args);
    }

    @Test
    void approvesTheRequestOfTheIncidentNumber() {
        rewind.on("POST", "/api/v1/approvals/" + REQUEST_12 + "/approve", 200, JSON, fixture("decision-approved.json"));

        CliRun run = run("alice-token", "approve", "12", "--reason", "5xx confirmed on the dashboard");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("INCIDENT-12 production/shop-production/checkout P1: APPROVED; "
                + "approved by alice");
        StubRewind.Received vote = rewind.received.get(rewind.received.size() - 1);
        assertThat(vote.body()).isEqualTo("{\"reason\":\"5xx confirmed on the dashboard\"}");
        assertThat(vote.authorization()).isEqualTo("Bearer alice-token");
    }

    @Test
    void aVoteOnADecidedRequestReachesTheServerAndItsRefusalExitsOne() {
        rewind.on("POST", "/api/v1/approvals/" + REQUEST_9 + "/approve", 409, PROBLEM,
                fixture("problem-409-decided.json"));

        CliRun run = run("alice-token", "approve", "INCIDENT-9");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.err()).contains("rewind: refused (409): the request was decided already: APPROVED");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aRoleThatMayNotApproveExitsFiveWithTheServersReason() {
        rewind.on("POST", "/api/v1/approvals/" + REQUEST_12 + "/approve", 403, PROBLEM, fixture("problem-403.json"));

        CliRun run = run("dan-token", "approve", "12");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_ALLOWED);
        assertThat(run.err()).contains("forbidden (403): dan has none of the roles that may approve this request");
    }

    @Test
    void anIncidentWithoutAnApprovalRequestExitsFour() {
        CliRun run = run("alice-token", "approve", "77");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(run.err()).contains("no approval request for INCIDENT-77");
        assertThat(rewind.received).extracting(StubRewind.Received::method).containsOnly("GET");
    }

    @Test
    void rejectsWithItsReasonAndPrintsTheJsonOnRequest() {
        String rejected = "{\"requestId\":\"" + REQUEST_12 + "\",\"incidentNumber\":12,\"target\":"
                + "\"production/shop-production/checkout\",\"severity\":\"P1\",\"state\":\"REJECTED\","
                + "\"approvedBy\":[],\"stillNeeded\":\"none\",\"repeated\":false}";
        rewind.on("POST", "/api/v1/approvals/" + REQUEST_12 + "/reject", 200, JSON, rejected);

        CliRun run = run("alice-token", "reject", REQUEST_12, "--reason", "a flaky probe, not the release", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(rejected);
        assertThat(rewind.received).singleElement().extracting(StubRewind.Received::body)
                .isEqualTo("{\"reason\":\"a flaky probe, not the release\"}");
    }

    @Test
    void rejectingWithoutAReasonIsAUsageError() {
        CliRun run = run("alice-token", "reject", "12");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("rewind: Missing required option: '--reason=TEXT'", "Try 'rewind reject --help'.")
                .doesNotContain("Usage:");
        assertThat(rewind.received).isEmpty();
    }

    @Test
    void aMissingReasonTheServerRefusesNamesTheField() {
        rewind.on("POST", "/api/v1/approvals/" + REQUEST_12 + "/override", 422, PROBLEM,
                "{\"status\":422,\"title\":\"Unprocessable Content\",\"detail\":\"a reason is required\","
                        + "\"violations\":[{\"field\":\"reason\",\"in\":\"body\",\"message\":\"is required\"}]}");

        CliRun run = run("alice-token", "override", "12", "--reason", " ");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.err()).contains("refused (422): a reason is required", "  reason: is required");
    }
}
