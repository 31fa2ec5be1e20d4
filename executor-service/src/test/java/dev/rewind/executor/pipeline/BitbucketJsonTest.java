package dev.rewind.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.executor.pipeline.PipelineRun.Phase;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BitbucketJsonTest {

    private static final BitbucketRepository REPOSITORY = new BitbucketRepository("acme", "checkout-service");
    private static final URI WEB = URI.create("https://bitbucket.org");

    @Test
    void theTriggerBodySelectsTheCustomPipelineOnTheBranchWithPlainVariablesInOrder() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SERVICE", "checkout");
        variables.put("VERSION", "v1.2.5");
        variables.put("REWIND_EXECUTION", "exec-1");

        String body = BitbucketJson.triggerBody(new PipelineTrigger("acme/checkout-service", "release/1.x",
                "rollback-production", variables));

        assertThat(body).isEqualTo("{\"target\":{\"type\":\"pipeline_ref_target\",\"ref_type\":\"branch\","
                + "\"ref_name\":\"release/1.x\","
                + "\"selector\":{\"type\":\"custom\",\"pattern\":\"rollback-production\"}},"
                + "\"variables\":[{\"key\":\"SERVICE\",\"value\":\"checkout\",\"secured\":false},"
                + "{\"key\":\"VERSION\",\"value\":\"v1.2.5\",\"secured\":false},"
                + "{\"key\":\"REWIND_EXECUTION\",\"value\":\"exec-1\",\"secured\":false}]}");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "PENDING,     -,          PENDING",
        "IN_PROGRESS, -,          RUNNING",
        "COMPLETED,   SUCCESSFUL, SUCCEEDED",
        "COMPLETED,   FAILED,     FAILED",
        "COMPLETED,   ERROR,      FAILED",
        "COMPLETED,   STOPPED,    FAILED",
        "COMPLETED,   EXPIRED,    FAILED",
        "COMPLETED,   -,          FAILED",
        "HALTED,      -,          RUNNING",
    })
    void mapsBitbucketsStatesAndResultsToPhases(String state, String result, Phase phase) {
        assertThat(BitbucketJson.phase(state, result == null ? "" : result)).isEqualTo(phase);
    }

    @Test
    void onlySucceededAndFailedAreFinished() {
        assertThat(Phase.PENDING.finished()).isFalse();
        assertThat(Phase.RUNNING.finished()).isFalse();
        assertThat(Phase.SUCCEEDED.finished()).isTrue();
        assertThat(Phase.FAILED.finished()).isTrue();
    }

    @Test
    void readsARunWithItsNumberLinkAndTheErrorsMessage() {
        PipelineRun run = BitbucketJson.run(BitbucketJson.parse("""
                {"type": "pipeline", "uuid": "{9d5c2b7e-1f0a-4c1e-9d59-6d3f0e8a1b2c}", "build_number": 42,
                 "state": {"type": "pipeline_state_completed", "name": "COMPLETED",
                           "result": {"type": "pipeline_state_completed_error", "name": "ERROR",
                                      "error": {"key": "plan-service.parse.invalid", "message": "bad yml"}}}}"""),
                REPOSITORY, WEB);

        assertThat(run).isEqualTo(new PipelineRun("{9d5c2b7e-1f0a-4c1e-9d59-6d3f0e8a1b2c}", 42,
                "https://bitbucket.org/acme/checkout-service/pipelines/results/42", Phase.FAILED,
                "COMPLETED/ERROR: bad yml"));
    }

    @Test
    void aRunWithoutUuidIsNotBitbucketSpeaking() {
        assertThatThrownBy(() -> BitbucketJson.run(BitbucketJson.parse("{\"values\": []}"), REPOSITORY, WEB))
                .isInstanceOf(PipelineUnavailable.class).hasMessageContaining("rewind.executor.pipeline.bitbucket.url");
    }

    @Test
    void variablesAreReadOnlyWhenTheAnswerCarriesThem() {
        assertThat(BitbucketJson.variables(BitbucketJson.parse("""
                {"variables": [{"key": "REWIND_EXECUTION", "value": "exec-1"}, {"key": "TOKEN", "secured": true}]}""")))
                .contains(Map.of("REWIND_EXECUTION", "exec-1", "TOKEN", ""));
        assertThat(BitbucketJson.variables(BitbucketJson.parse("{\"has_variables\": true}"))).isEmpty();
        assertThat(BitbucketJson.startedWithoutVariables(BitbucketJson.parse("{\"has_variables\": false}"))).isTrue();
        assertThat(BitbucketJson.startedWithoutVariables(BitbucketJson.parse("{}"))).isFalse();
    }

    @Test
    void onlyARunThatSaysItIsNotCustomIsRuledOut() {
        assertThat(BitbucketJson.startedByOtherThanCustom(BitbucketJson.parse(
                "{\"target\": {\"selector\": {\"type\": \"branches\", \"pattern\": \"main\"}}}"))).isTrue();
        assertThat(BitbucketJson.startedByOtherThanCustom(BitbucketJson.parse(
                "{\"target\": {\"selector\": {\"type\": \"custom\", \"pattern\": \"rollback-production\"}}}")))
                .isFalse();
        assertThat(BitbucketJson.startedByOtherThanCustom(BitbucketJson.parse("{\"target\": {}}"))).isFalse();
    }

    @Test
    void errorMessagesAreBitbucketsWordsOrTheBody() {
        assertThat(BitbucketJson.errorMessage(BitbucketStub.error("Bad request", "no such pipeline")))
                .isEqualTo("Bad request: no such pipeline");
        assertThat(BitbucketJson.errorMessage(BitbucketStub.error("Unauthorized", null))).isEqualTo("Unauthorized");
        assertThat(BitbucketJson.errorMessage("<html>\n  <body>Bad gateway</body>\n</html>"))
                .isEqualTo("<html> <body>Bad gateway</body> </html>");
        assertThat(BitbucketJson.errorMessage("")).isEqualTo("an empty body");
    }

    @Test
    void aRepositoryIsWorkspaceSlashSlug() {
        assertThat(BitbucketRepository.parse("acme/checkout-service")).isEqualTo(REPOSITORY);
        assertThat(REPOSITORY.runPage(URI.create("https://bitbucket.org/"), 7))
                .isEqualTo("https://bitbucket.org/acme/checkout-service/pipelines/results/7");
        for (String wrong : new String[] {"checkout-service", "acme/checkout/service", "/checkout", "acme/", null}) {
            assertThatThrownBy(() -> BitbucketRepository.parse(wrong)).as(wrong)
                    .isInstanceOf(PipelineUnavailable.class).hasMessageContaining("workspace/repo_slug");
        }
    }
}
