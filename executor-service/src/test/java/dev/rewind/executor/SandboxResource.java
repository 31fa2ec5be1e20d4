package dev.rewind.executor;

import dev.rewind.sandbox.KubernetesSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Serves the Kubernetes sandbox (CRUD API server and simulated Deployment controller) and points the executor at it. */
public class SandboxResource implements QuarkusTestResourceLifecycleManager {

    static KubernetesSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = KubernetesSandbox.start(0);
        return Map.of("quarkus.kubernetes-client.api-server-url", sandbox.url(),
                "quarkus.kubernetes-client.token", "sandbox");
    }

    @Override
    public void stop() {
        sandbox.close();
    }
}
