package dev.rewind.platform.testing;

import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.sandbox.gitops.GitOpsSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Serves the Kubernetes sandbox (CRUD API server, simulated Deployment and GitOps controllers, Git hosting stand-in)
 * for a {@code @QuarkusTest} and points the service's default Kubernetes client (and the executor's Git host) at it. Tests seed Deployments through {@link #sandbox}. A service
 * using it needs the {@code kubernetes-sandbox} test dependency.
 */
public class KubernetesSandboxResource implements QuarkusTestResourceLifecycleManager {

    /** The running sandbox, for tests to seed and inspect. */
    public static KubernetesSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = KubernetesSandbox.start(0);
        return Map.of("quarkus.kubernetes-client.api-server-url", sandbox.url(),
                "quarkus.kubernetes-client.token", "sandbox",
                // The executor's gitops method, against the sandbox's Git (GitHub's API).
                "rewind.executor.gitops.git-hosts.sandbox.type", "GITHUB",
                "rewind.executor.gitops.git-hosts.sandbox.api-url", sandbox.gitHost().url() + "/github",
                "rewind.executor.gitops.git-hosts.sandbox.repository-urls", GitOpsSetup.REPOSITORY_URL,
                "rewind.executor.gitops.git-hosts.sandbox.token", KubernetesSandbox.GIT_TOKEN);
    }

    @Override
    public void stop() {
        sandbox.close();
    }
}
