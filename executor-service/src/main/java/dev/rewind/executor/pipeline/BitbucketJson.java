package dev.rewind.executor.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.executor.bitbucket.BitbucketErrors;
import dev.rewind.executor.pipeline.PipelineRun.Phase;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bitbucket's pipeline JSON, both ways: the trigger's body, and runs read back as {@link PipelineRun}s. */
final class BitbucketJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BitbucketJson() {
    }

    /** The body that starts a custom pipeline on a branch, with plain (not secured) variables. */
    static String triggerBody(PipelineTrigger trigger) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode target = body.putObject("target");
        target.put("type", "pipeline_ref_target");
        target.put("ref_type", "branch");
        target.put("ref_name", trigger.ref());
        ObjectNode selector = target.putObject("selector");
        selector.put("type", "custom");
        selector.put("pattern", trigger.pipeline());
        ArrayNode variables = body.putArray("variables");
        trigger.variables().forEach((key, value) -> variables.addObject()
                .put("key", key).put("value", value).put("secured", false));
        return body.toString();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new PipelineUnavailable("Bitbucket answered something that is not JSON (" + abbreviate(json)
                    + "): check rewind.executor.pipeline.bitbucket.url, it should be Bitbucket's API");
        }
    }

    /** The runs of a page of the pipelines list, in the page's order. */
    static List<JsonNode> values(JsonNode page) {
        List<JsonNode> values = new ArrayList<>();
        page.path("values").forEach(values::add);
        return values;
    }

    static PipelineRun run(JsonNode pipeline, BitbucketRepository repository, URI webUrl) {
        String uuid = pipeline.path("uuid").asText(null);
        if (uuid == null || uuid.isBlank()) {
            throw new PipelineUnavailable("Bitbucket answered a pipeline without a uuid (" + abbreviate(
                    pipeline.toString()) + "): check rewind.executor.pipeline.bitbucket.url, it should be Bitbucket's"
                    + " API");
        }
        long number = pipeline.path("build_number").asLong();
        JsonNode state = pipeline.path("state");
        String name = state.path("name").asText("");
        JsonNode result = state.path("result");
        String resultName = result.path("name").asText("");
        String stageName = state.path("stage").path("name").asText("");
        String errorMessage = result.path("error").path("message").asText("");
        return new PipelineRun(uuid, number, repository.runPage(webUrl, number), phase(name, resultName),
                detail(name, resultName.isEmpty() ? stageName : resultName, errorMessage));
    }

    /**
     * Bitbucket's state (PENDING, IN_PROGRESS, COMPLETED) and, once completed, result (SUCCESSFUL, FAILED, ERROR,
     * STOPPED, EXPIRED) as a phase. A completed run with any other result failed; a state Bitbucket adds later is
     * still running, which the pipeline timeout bounds.
     */
    static Phase phase(String state, String result) {
        return switch (state) {
            case "PENDING" -> Phase.PENDING;
            case "COMPLETED" -> "SUCCESSFUL".equals(result) ? Phase.SUCCEEDED : Phase.FAILED;
            default -> Phase.RUNNING;
        };
    }

    static String detail(String state, String resultOrStage, String message) {
        String detail = resultOrStage.isEmpty() ? state : state + "/" + resultOrStage;
        return message.isEmpty() ? detail : detail + ": " + message;
    }

    /**
     * The run's variables by key, when Bitbucket listed them; empty when the answer carries no variables array.
     * Secured variables come back without their value.
     */
    static Optional<Map<String, String>> variables(JsonNode pipeline) {
        JsonNode variables = pipeline.get("variables");
        if (variables == null || !variables.isArray()) {
            return Optional.empty();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        variables.forEach(variable -> byKey.put(variable.path("key").asText(), variable.path("value").asText("")));
        return Optional.of(byKey);
    }

    /** True when Bitbucket says the run was started without variables (so it cannot be one Rewind started). */
    static boolean startedWithoutVariables(JsonNode pipeline) {
        JsonNode hasVariables = pipeline.get("has_variables");
        return hasVariables != null && hasVariables.isBoolean() && !hasVariables.booleanValue();
    }

    /**
     * True when the run says it is of another kind than a custom pipeline (the kind Rewind starts): a push, a pull
     * request, a tag. A run that does not say is not ruled out.
     */
    static boolean startedByOtherThanCustom(JsonNode pipeline) {
        String type = pipeline.path("target").path("selector").path("type").asText("");
        return !type.isEmpty() && !"custom".equalsIgnoreCase(type);
    }

    /** Bitbucket's own words from an error answer ({@code {"error":{"message":..,"detail":..}}}), or the body. */
    static String errorMessage(String body) {
        // Not Bitbucket's words (a proxy's HTML page, say): the body itself is the best description.
        return BitbucketErrors.message(body).orElseGet(() -> abbreviate(body));
    }

    private static String abbreviate(String text) {
        if (text == null || text.isBlank()) {
            return "an empty body";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
