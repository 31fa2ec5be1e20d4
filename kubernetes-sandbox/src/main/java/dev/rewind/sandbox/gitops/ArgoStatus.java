package dev.rewind.sandbox.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status Argo CD writes on an Application (no status subresource: the whole object is updated): sync status
 * and revision, health, the resources it deploys, and a history entry per revision it synced.
 */
final class ArgoStatus {

    private ArgoStatus() {
    }

    /** Writes {@code application}'s status for {@code deployment} at {@code revision}, only when it changed. */
    static void write(KubernetesClient client, GenericKubernetesResource application, Deployment deployment,
                      String revision, boolean outOfSync, Instant now) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("sync", Map.of("status", outOfSync ? "OutOfSync" : "Synced", "revision", revision));
        status.put("health", Map.of("status", "Healthy"));
        status.put("resources", List.of(Map.of("group", "apps", "version", "v1", "kind", "Deployment",
                "namespace", deployment.getMetadata().getNamespace(), "name", deployment.getMetadata().getName(),
                "status", outOfSync ? "OutOfSync" : "Synced")));
        List<Map<String, Object>> history = new ArrayList<>(
                Objects.requireNonNullElse(application.get("status", "history"), List.of()));
        boolean newRevision = history.isEmpty() || !revision.equals(history.get(history.size() - 1).get("revision"));
        if (!outOfSync && newRevision) {
            history.add(Map.of("id", history.size(), "revision", revision, "deployedAt", now.toString()));
        }
        status.put("history", history);
        Map<String, Object> current = application.get("status");
        if (current != null && sameExceptTimes(status, current)) {
            return;
        }
        // Onto the Application as it is now: an update of the copy read at the round's start would undo what others
        // changed in its spec meanwhile (a pause of its automated sync); a change since is a conflict, retried next round.
        var applications = client.genericKubernetesResources(GitOpsKind.ARGO_CD_APPLICATION.context())
                .inNamespace(application.getMetadata().getNamespace());
        GenericKubernetesResource latest = applications.withName(application.getMetadata().getName()).get();
        if (latest != null) {
            latest.getAdditionalProperties().put("status", status);
            applications.resource(latest).update();
        }
    }

    private static boolean sameExceptTimes(Map<String, Object> status, Map<String, Object> current) {
        return List.of("sync", "health", "resources").stream()
                .allMatch(field -> Objects.equals(status.get(field), current.get(field)))
                && ((List<?>) status.get("history")).size()
                == ((List<?>) Objects.requireNonNullElse(current.get("history"), List.of())).size();
    }
}
