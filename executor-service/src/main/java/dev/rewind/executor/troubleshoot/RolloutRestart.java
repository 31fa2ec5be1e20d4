package dev.rewind.executor.troubleshoot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code kubectl rollout restart} (kubectl's {@code objectrestarter.go}): a new pod-template annotation, so the
 * Deployment controller rolls every pod again. Not fabric8's {@code restart()}, which writes a zone-less time and
 * ignores {@code spec.paused}.
 */
final class RolloutRestart {

    /** The pod-template annotation kubectl writes. */
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    /** kubectl's words when the Deployment is paused. */
    static final String PAUSED = "can't restart paused deployment (run rollout resume first)";

    private RolloutRestart() {
    }

    /** {@code at} in RFC 3339 to the second, as kubectl's {@code time.Now().Format(time.RFC3339)} (in UTC). */
    static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Why {@code deployment} cannot be restarted, in kubectl's words. */
    static Optional<String> refusal(Deployment deployment) {
        return Boolean.TRUE.equals(deployment.getSpec().getPaused()) ? Optional.of(PAUSED) : Optional.empty();
    }

    /** The restartedAt annotation {@code deployment}'s pod template carries, if any. */
    static Optional<String> restartedAt(Deployment deployment) {
        ObjectMeta template = deployment.getSpec().getTemplate().getMetadata();
        return template == null || template.getAnnotations() == null ? Optional.empty()
                : Optional.ofNullable(template.getAnnotations().get(RESTARTED_AT));
    }

    /**
     * The JSON patch that restarts {@code deployment}: a compare-and-set on its resourceVersion (a stale one is
     * answered 409), then the whole pod-template annotation map with {@code restartedAt} set. The map is written with
     * {@code add}, which sets a member whether or not it exists: {@code replace} of an absent map fails, and a failing
     * JSON patch gets no answer at all from the fabric8 mock.
     */
    static String patch(Deployment deployment, String restartedAt) {
        ObjectMapper mapper = Serialization.jsonMapper();
        ArrayNode patch = mapper.createArrayNode();
        patch.addObject().put("op", "replace").put("path", "/metadata/resourceVersion")
                .put("value", deployment.getMetadata().getResourceVersion());
        ObjectMeta template = deployment.getSpec().getTemplate().getMetadata();
        Map<String, String> annotations = new TreeMap<>(template == null || template.getAnnotations() == null
                ? Map.of() : template.getAnnotations());
        annotations.put(RESTARTED_AT, restartedAt);
        if (template == null) {
            patch.addObject().put("op", "add").put("path", "/spec/template/metadata")
                    .set("value", mapper.createObjectNode().set("annotations", mapper.valueToTree(annotations)));
        } else {
            patch.addObject().put("op", "add").put("path", "/spec/template/metadata/annotations")
                    .set("value", mapper.valueToTree(annotations));
        }
        return patch.toString();
    }
}
