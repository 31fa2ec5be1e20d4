package dev.rewind.drill;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** Before any scenario: every Rewind service ready, the sandbox's demo applications answering, the Kubernetes API too. */
final class Preflight {

    private Preflight() {
    }

    /** What is up; throws {@link DrillFailed} naming what is not. */
    static String check(DrillSettings settings, KubernetesClient kubernetes, List<DrillTarget> targets) {
        JsonHttp http = new JsonHttp(null);
        List<String> down = new ArrayList<>();
        settings.services().forEach((name, url) -> {
            if (http.get(url + "/q/health/ready").status() != 200) {
                down.add(name + " (" + url + ")");
            }
        });
        if (http.get(settings.sandboxUrl() + "/metrics").status() != 200) {
            down.add("the sandbox's demo applications (" + settings.sandboxUrl() + ")");
        }
        if (!down.isEmpty()) {
            throw new DrillFailed("not ready: " + String.join(", ", down) + "; start them with dev/stack.sh up");
        }
        for (DrillTarget target : targets) {
            kubernetes.apps().deployments().inNamespace(target.namespace()).list();
        }
        return settings.services().size() + " services ready, sandbox at " + settings.sandboxUrl()
                + ", Kubernetes API at " + kubernetes.getMasterUrl();
    }
}
