package dev.rewind.executor.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void replacesWhatTheTargetRendersAfterACompareAndSetOnTheResourceVersion() throws Exception {
        ObjectNode current = deployment("v1.3.0");
        ObjectNode target = deployment("v1.2.5");
        ObjectNode live = live(current);

        JsonNode patch = JSON.readTree(ManifestPatch.of(current, target, live).orElseThrow());

        assertThat(patch.get(0).toString()).isEqualTo(
                "{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\"41\"}");
        assertThat(paths(patch)).containsExactly("/metadata/resourceVersion", "/metadata/labels", "/spec/template");
        assertThat(patch.get(2).path("op").asText()).isEqualTo("add");
        assertThat(patch.get(2).at("/value/spec/containers/0/image").asText()).isEqualTo("shop/checkout:v1.2.5");
    }

    @Test
    void leavesAloneWhatNeitherRevisionRendersAndOthersLabels() throws Exception {
        ObjectNode current = deployment("v1.3.0");
        current.withObjectProperty("spec").remove("replicas");
        ObjectNode target = deployment("v1.2.5");
        target.withObjectProperty("spec").remove("replicas");
        ObjectNode live = live(current);
        live.withObjectProperty("spec").put("replicas", 7);
        live.withObjectProperty("spec").put("revisionHistoryLimit", 10);
        live.withObjectProperty("metadata").withObjectProperty("labels").put("autoscaled-by", "hpa");

        JsonNode patch = JSON.readTree(ManifestPatch.of(current, target, live).orElseThrow());

        assertThat(paths(patch)).doesNotContain("/spec/replicas", "/spec/revisionHistoryLimit", "/status");
        JsonNode labels = patch.get(1).path("value");
        assertThat(labels.path("autoscaled-by").asText()).isEqualTo("hpa");
        assertThat(labels.path("helm.sh/chart").asText()).isEqualTo("checkout-v1.2.5");
    }

    @Test
    void removesWhatOnlyTheCurrentRevisionRendered() throws Exception {
        ObjectNode current = deployment("v1.3.0");
        current.withObjectProperty("spec").put("minReadySeconds", 30);
        current.withObjectProperty("metadata").withObjectProperty("annotations").put("checkout/canary", "true");
        ObjectNode target = deployment("v1.2.5");
        ObjectNode live = live(current);

        JsonNode patch = JSON.readTree(ManifestPatch.of(current, target, live).orElseThrow());

        assertThat(patch.toString()).contains("{\"op\":\"remove\",\"path\":\"/spec/minReadySeconds\"}");
        assertThat(patch.toString()).contains("{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":"
                + "{\"meta.helm.sh/release-name\":\"checkout\"}}");
    }

    @Test
    void replacesAConfigMapsDataWhole() throws Exception {
        ObjectNode current = configMap("hi");
        current.putObject("binaryData").put("logo", "AAEC");
        ObjectNode target = configMap("hello");
        ObjectNode live = live(current);

        JsonNode patch = JSON.readTree(ManifestPatch.of(current, target, live).orElseThrow());

        assertThat(patch.toString()).contains("{\"op\":\"add\",\"path\":\"/data\",\"value\":{\"greeting\":\"hello\"}}")
                .contains("{\"op\":\"remove\",\"path\":\"/binaryData\"}");
    }

    @Test
    void sendsNothingWhenTheObjectAlreadyMatches() {
        ObjectNode target = deployment("v1.2.5");
        ObjectNode live = live(target);
        // The API server's numbers come back as another JSON number type than the manifest's.
        live.withObjectProperty("spec").put("replicas", 2L);

        assertThat(ManifestPatch.of(deployment("v1.3.0"), target, live)).isEmpty();
        assertThat(ManifestPatch.of(null, target, live)).isEmpty();
    }

    @Test
    void addsAFieldTheLiveObjectLacks() throws Exception {
        ObjectNode target = configMap("hello");
        ObjectNode live = live(target);
        live.remove("data");

        JsonNode patch = JSON.readTree(ManifestPatch.of(null, target, live).orElseThrow());

        assertThat(paths(patch)).containsExactly("/metadata/resourceVersion", "/data");
    }

    private static ObjectNode deployment(String tag) {
        ObjectNode deployment = JSON.createObjectNode().put("apiVersion", "apps/v1").put("kind", "Deployment");
        ObjectNode metadata = deployment.putObject("metadata").put("name", "checkout");
        metadata.putObject("labels").put("app", "checkout").put("helm.sh/chart", "checkout-" + tag)
                .put("app.kubernetes.io/managed-by", "Helm");
        metadata.putObject("annotations").put("meta.helm.sh/release-name", "checkout");
        ObjectNode spec = deployment.putObject("spec").put("replicas", 2);
        spec.putObject("selector").putObject("matchLabels").put("app", "checkout");
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", "checkout");
        template.putObject("spec").putArray("containers").addObject().put("name", "checkout")
                .put("image", "shop/checkout:" + tag);
        return deployment;
    }

    private static ObjectNode configMap(String greeting) {
        ObjectNode configMap = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", "checkout-config");
        configMap.putObject("data").put("greeting", greeting);
        return configMap;
    }

    /** {@code rendered} as the API server returns it: resourceVersion, uid, status and defaults added. */
    private static ObjectNode live(ObjectNode rendered) {
        ObjectNode live = rendered.deepCopy();
        live.withObjectProperty("metadata").put("resourceVersion", "41").put("uid", "0b1c").put("generation", 3);
        if (live.has("spec")) {
            live.withObjectProperty("spec").put("progressDeadlineSeconds", 600);
            live.putObject("status").put("observedGeneration", 3);
        }
        return live;
    }

    private static List<String> paths(JsonNode patch) {
        List<String> paths = new ArrayList<>();
        patch.forEach(op -> paths.add(op.path("path").asText()));
        return paths;
    }
}
