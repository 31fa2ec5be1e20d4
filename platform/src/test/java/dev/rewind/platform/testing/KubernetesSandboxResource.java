package dev.rewind.platform.testing;

import dev.rewind.sandbox.KubernetesSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Serves the Kubernetes sandbox (CRUD API server and simulated Deployment controller) for a {@code @QuarkusTest} and
 * points the service's default Kubernetes client at it. Tests seed Deployments through {@link #sandbox}. A service
 * using it needs the {@code kubernetes-sandbox} test dependency.
 */
public class KubernetesSandboxResource implements QuarkusTestResourceLifecycleManager {

    /** The running sandbox, for tests to seed and inspect. */
    public static KubernetesSandbox sandbox;

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
