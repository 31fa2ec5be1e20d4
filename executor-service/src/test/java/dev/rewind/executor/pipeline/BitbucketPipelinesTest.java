package dev.rewind.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.executor.pipeline.PipelineRun.Phase;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Bitbucket client against a local stand-in for Bitbucket's API: what a trigger sends, how runs read back, which
 * failures are retried and which are not. Shares the module's one Quarkus start (same test resources); each test
 * builds its own client on its stub, with the test profile's settings.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class BitbucketPipelinesTest {

    private static final String REPOSITORY = "acme/checkout-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PipelineConfig settings;

    @Inject
    CiPipelines injected;

    private BitbucketStub bitbucket;
    private BitbucketPipelines pipelines;

    @BeforeEach
    void startBitbucket() {
        bitbucket = BitbucketStub.start();
        pipelines = new BitbucketPipelines(StubbedPipelineConfig.bearer(settings, bitbucket.url(), "test-token"));
    }

    @AfterEach
    void stopBitbucket() {
        pipelines.close();
        bitbucket.close();
    }

    @Test
    void theApplicationsPipelineClientIsBitbucketWithTheConfiguredPipelineName() {
        assertThat(injected).isInstanceOf(BitbucketPipelines.class);
        assertThat(settings.pipelineFor("production")).isEqualTo("rollback-production");
        assertThat(settings.ref()).isEqualTo("main");
        assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void triggerStartsTheCustomPipelineWithItsVariablesAndABearerToken() throws Exception {
        PipelineRun run = pipelines.trigger(trigger("exec-1"));

        BitbucketStub.Request sent = bitbucket.requests("POST").get(0);
        assertThat(sent.rawPath()).isEqualTo("/2.0/repositories/acme/checkout-service/pipelines/");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer test-token");
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("""
                {"target": {"type": "pipeline_ref_target", "ref_type": "branch", "ref_name": "main",
                            "selector": {"type": "custom", "pattern": "rollback-production"}},
                 "variables": [{"key": "SERVICE", "value": "checkout", "secured": false},
                               {"key": "VERSION", "value": "v1.2.5", "secured": false},
                               {"key": "REWIND_EXECUTION", "value": "exec-1", "secured": false}]}"""));
        assertThat(run.id()).startsWith("{").endsWith("}");
        assertThat(run.number()).isEqualTo(1);
        assertThat(run.url()).isEqualTo("https://bitbucket.org/acme/checkout-service/pipelines/results/1");
        assertThat(run.phase()).isEqualTo(Phase.PENDING);
    }

    @Test
    void basicAuthenticationWithAnAccountEmailAndApiTokenWhenThereIsNoBearerToken() {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString("sre@acme.example:api-token-1".getBytes(StandardCharsets.UTF_8));
        bitbucket.expectAuthorization(basic);
        try (Closing basicClient = new Closing(new BitbucketPipelines(StubbedPipelineConfig.basic(settings,
                bitbucket.url(), "sre@acme.example", "api-token-1")))) {
            basicClient.pipelines().trigger(trigger("exec-basic"));
        }

        assertThat(bitbucket.requests("POST")).singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo(basic));
    }

    @Test
    void withoutCredentialsNothingIsSentAndTheErrorSaysWhichSecretToSet() {
        try (Closing anonymous = new Closing(new BitbucketPipelines(StubbedPipelineConfig.anonymous(settings,
                bitbucket.url())))) {
            assertThatThrownBy(() -> anonymous.pipelines().trigger(trigger("exec-anonymous")))
                    .isInstanceOf(PipelineUnavailable.class).hasMessageContaining("REWIND_BITBUCKET_TOKEN");
        }
        assertThat(bitbucket.requests()).isEmpty();
    }

    @Test
    void readsEachStateAndResultOfARun() {
        String uuid = bitbucket.startRun("acme", "checkout-service", "custom", "rollback-production",
                Map.of("REWIND_EXECUTION", "exec-states"));
        record Case(String state, String stageOrResult, String error, Phase phase, String detail) {
        }
        List<Case> cases = List.of(
                new Case("PENDING", null, null, Phase.PENDING, "PENDING"),
                new Case("IN_PROGRESS", "RUNNING", null, Phase.RUNNING, "IN_PROGRESS/RUNNING"),
                new Case("IN_PROGRESS", "PAUSED", null, Phase.RUNNING, "IN_PROGRESS/PAUSED"),
                new Case("COMPLETED", "SUCCESSFUL", null, Phase.SUCCEEDED, "COMPLETED/SUCCESSFUL"),
                new Case("COMPLETED", "FAILED", null, Phase.FAILED, "COMPLETED/FAILED"),
                new Case("COMPLETED", "ERROR", "Agent out of memory", Phase.FAILED,
                        "COMPLETED/ERROR: Agent out of memory"),
                new Case("COMPLETED", "STOPPED", null, Phase.FAILED, "COMPLETED/STOPPED"),
                new Case("COMPLETED", "EXPIRED", null, Phase.FAILED, "COMPLETED/EXPIRED"));
        for (Case c : cases) {
            bitbucket.setState(uuid, c.state(), c.stageOrResult(), c.error());

            PipelineRun run = pipelines.run(REPOSITORY, uuid);

            assertThat(run.phase()).as(c.toString()).isEqualTo(c.phase());
            assertThat(run.detail()).as(c.toString()).isEqualTo(c.detail());
            assertThat(run.id()).isEqualTo(uuid);
        }
        String encoded = "%7B" + uuid.substring(1, uuid.length() - 1) + "%7D";
        assertThat(bitbucket.requests("GET")).allSatisfy(request -> assertThat(request.rawPath())
                .isEqualTo("/2.0/repositories/acme/checkout-service/pipelines/" + encoded));
    }

    @Test
    void aRefusedTriggerFailsAtOnceWithBitbucketsWords() {
        bitbucket.answerTriggers(400, BitbucketStub.error("Bad request",
                "Pipeline 'rollback-production' not found in bitbucket-pipelines.yml"), Map.of(), 1);

        assertThatThrownBy(() -> pipelines.trigger(trigger("exec-refused")))
                .isInstanceOf(PipelineUnavailable.class)
                .hasMessageContaining("Pipeline 'rollback-production' not found in bitbucket-pipelines.yml")
                .hasMessageContaining("400");
        assertThat(bitbucket.requests("POST")).hasSize(1);
    }

    @Test
    void rejectedCredentialsSayWhatToFix() {
        bitbucket.expectAuthorization("Bearer another-token");

        assertThatThrownBy(() -> pipelines.run(REPOSITORY, "{0b6e1a9e-0000-4000-8000-000000000000}"))
                .isInstanceOf(PipelineUnavailable.class)
                .hasMessageContaining("Access token expired or invalid")
                .hasMessageContaining("REWIND_BITBUCKET_TOKEN");
        assertThat(bitbucket.requests()).hasSize(1);
    }

    @Test
    void aReadAnswered5xxIsRetriedUntilBitbucketAnswers() {
        String uuid = bitbucket.startRun("acme", "checkout-service", "custom", "rollback-production",
                Map.of("REWIND_EXECUTION", "exec-5xx"));
        bitbucket.answerReads(502, "<html>Bad gateway</html>", 1);
        bitbucket.answerReads(500, BitbucketStub.error("Internal server error", null), 1);

        assertThat(pipelines.run(REPOSITORY, uuid).phase()).isEqualTo(Phase.PENDING);

        assertThat(bitbucket.requests("GET")).hasSize(3);
    }

    @Test
    void aReadThatKeepsFailingGivesUpWithTheLastAnswer() {
        bitbucket.answerReads(503, BitbucketStub.error("Service unavailable", null), 10_000);

        assertThatThrownBy(() -> pipelines.run(REPOSITORY, "{0b6e1a9e-0000-4000-8000-000000000000}"))
                .isExactlyInstanceOf(PipelineCallFailed.class)
                .hasMessageContaining("503").hasMessageContaining("gave up");
        assertThat(bitbucket.requests("GET").size()).isGreaterThan(1);
    }

    @Test
    void aTriggerWithoutAnAnswerIsNotSentAgainAndFindRunFindsTheRunItStarted() {
        CountDownLatch held = bitbucket.holdNextTrigger();

        assertThatThrownBy(() -> pipelines.trigger(trigger("exec-timeout")))
                .isInstanceOf(TriggerOutcomeUnknown.class).hasMessageContaining("a run may have started");
        assertThat(bitbucket.requests("POST")).hasSize(1);

        // Bitbucket processes the request its client gave up on.
        held.countDown();
        await().until(() -> pipelines.findRun(REPOSITORY, "exec-timeout").isPresent());
        assertThat(bitbucket.requests("POST")).hasSize(1);
    }

    @Test
    void aTriggerAnswered502IsNotSentAgain() {
        bitbucket.answerTriggers(502, "<html>Bad gateway</html>", Map.of(), 1);

        assertThatThrownBy(() -> pipelines.trigger(trigger("exec-502")))
                .isInstanceOf(TriggerOutcomeUnknown.class).hasMessageContaining("502");
        assertThat(bitbucket.requests("POST")).hasSize(1);
    }

    @Test
    void aTriggerAnswered429Or503IsSentAgainAndStartsOneRun() {
        bitbucket.answerTriggers(429, BitbucketStub.error("Rate limit exceeded", null), Map.of("Retry-After", "0"),
                1);
        bitbucket.answerTriggers(503, BitbucketStub.error("Service unavailable", null), Map.of(), 1);

        PipelineRun run = pipelines.trigger(trigger("exec-429"));

        assertThat(bitbucket.requests("POST")).hasSize(3);
        assertThat(run.number()).isEqualTo(1);
        assertThat(pipelines.findRun(REPOSITORY, "exec-429")).map(PipelineRun::id).contains(run.id());
    }

    @Test
    void aTriggerThatCannotConnectIsRetriedThenReportedAsNotStarted() throws Exception {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (Closing unreachable = new Closing(new BitbucketPipelines(StubbedPipelineConfig.bearer(settings,
                closedPort, "test-token")))) {
            assertThatThrownBy(() -> unreachable.pipelines().trigger(trigger("exec-unreachable")))
                    .isExactlyInstanceOf(PipelineCallFailed.class)
                    .hasMessageContaining("could not reach Bitbucket").hasMessageContaining("no run was started");
        }
    }

    @Test
    void findRunFindsTheNewestRunCarryingTheExecution() {
        bitbucket.startRun("acme", "checkout-service", "custom", "rollback-production",
                Map.of("REWIND_EXECUTION", "exec-old"));
        String wanted = bitbucket.startRun("acme", "checkout-service", "custom", "rollback-production",
                Map.of("SERVICE", "checkout", "REWIND_EXECUTION", "exec-wanted"));
        bitbucket.startRun("acme", "checkout-service", "branches", "main", Map.of());
        bitbucket.startRun("acme", "checkout-service", "custom", "rollback-staging",
                Map.of("REWIND_EXECUTION", "exec-other"));

        assertThat(pipelines.findRun(REPOSITORY, "exec-wanted")).map(PipelineRun::id).contains(wanted);
        assertThat(pipelines.findRun(REPOSITORY, "exec-never")).isEmpty();
        assertThat(bitbucket.requests("GET")).allSatisfy(request -> assertThat(request.query())
                .contains("sort=-created_on").contains("pagelen=" + settings.recentRunsSearched()));
    }

    @Test
    void findRunReadsRunsOneByOneWhenTheListOmitsVariables() {
        bitbucket.listVariables(false);
        String wanted = bitbucket.startRun("acme", "checkout-service", "custom", "rollback-production",
                Map.of("REWIND_EXECUTION", "exec-wanted"));
        bitbucket.startRun("acme", "checkout-service", "branches", "main", Map.of());
        String other = bitbucket.startRun("acme", "checkout-service", "custom", "rollback-production",
                Map.of("REWIND_EXECUTION", "exec-other"));

        assertThat(pipelines.findRun(REPOSITORY, "exec-wanted")).map(PipelineRun::id).contains(wanted);

        // The list, then the two custom runs with variables, newest first; the push run is not read.
        assertThat(bitbucket.requests("GET")).extracting(BitbucketStub.Request::rawPath).containsExactly(
                "/2.0/repositories/acme/checkout-service/pipelines/", runPath(other), runPath(wanted));
    }

    @Test
    void findRunRefusesToGuessWhenBitbucketShowsNoVariables() {
        bitbucket.showVariables(false);
        bitbucket.startRun("acme", "checkout-service", "custom", "rollback-production",
                Map.of("REWIND_EXECUTION", "exec-hidden"));

        assertThatThrownBy(() -> pipelines.findRun(REPOSITORY, "exec-hidden"))
                .isInstanceOf(PipelineUnavailable.class)
                .hasMessageContaining("cannot tell whether execution exec-hidden already started")
                .hasMessageContaining("https://bitbucket.org/acme/checkout-service/pipelines");
    }

    @Test
    void findRunSkipsRunsStartedWithoutVariables() {
        bitbucket.showVariables(false);
        bitbucket.startRun("acme", "checkout-service", "custom", "nightly-cleanup", Map.of());

        assertThat(pipelines.findRun(REPOSITORY, "exec-none")).isEmpty();
    }

    private static PipelineTrigger trigger(String execution) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SERVICE", "checkout");
        variables.put("VERSION", "v1.2.5");
        variables.put(PipelineTrigger.EXECUTION_VARIABLE, execution);
        return new PipelineTrigger(REPOSITORY, "main", "rollback-production", variables);
    }

    private static String runPath(String uuid) {
        return "/2.0/repositories/acme/checkout-service/pipelines/%7B" + uuid.substring(1, uuid.length() - 1) + "%7D";
    }

    /** Closes a client a test built for itself. */
    private record Closing(BitbucketPipelines pipelines) implements AutoCloseable {

        @Override
        public void close() {
            pipelines.close();
        }
    }
}
