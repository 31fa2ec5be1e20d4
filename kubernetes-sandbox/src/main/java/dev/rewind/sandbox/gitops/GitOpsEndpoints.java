package dev.rewind.sandbox.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.rewind.sandbox.git.GitHostStandIn;
import dev.rewind.sandbox.git.SandboxGit;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's GitOps over HTTP, beside its demo applications: GitHub's, GitLab's and Bitbucket's APIs over its Git
 * ({@code /github/...}, {@code /gitlab/api/v4/...}, {@code /bitbucket/2.0/repositories/...} but its pipelines, see
 * {@link GitHostStandIn}), and what a team does through them:
 * <ul>
 *   <li>{@code PUT /gitops/{namespace}/{deployment}/owner} with {@code argocd} (automated sync, self-heal) or
 *       {@code flux}: deploy that Deployment from the sandbox's Git from now on ({@link GitOpsSetup});</li>
 *   <li>{@code PUT /gitops/{namespace}/{deployment}/release} with a tag: a release pushed to Git (every container's
 *       tag in the manifest), which the controller then deploys;</li>
 *   <li>{@code GET /gitops/{namespace}/{deployment}}: the images Git pins for it, at which commit, and the pull
 *       requests of the repository.</li>
 * </ul>
 */
public final class GitOpsEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final SandboxGit git;
    private final GitHostStandIn host;

    public GitOpsEndpoints(KubernetesClient client, SandboxGit git, GitHostStandIn host) {
        this.client = client;
        this.git = git;
        this.host = host;
    }

    /** Answers {@code exchange} when its path ({@code path}, split) is one of these endpoints; false otherwise. */
    public boolean serve(HttpExchange exchange, String method, String[] path) throws IOException {
        if (path[0].equals("github") || path[0].equals("gitlab") || bitbucketRepository(path)) {
            host.serve(exchange);
            return true;
        }
        if (!path[0].equals("gitops") || path.length < 3) {
            return false;
        }
        String namespace = path[1];
        String deployment = path[2];
        if (client.apps().deployments().inNamespace(namespace).withName(deployment).get() == null) {
            send(exchange, 404, Map.of("detail", "no Deployment " + namespace + "/" + deployment));
        } else if (method.equals("PUT") && path.length == 4 && path[3].equals("owner")) {
            String owner = body(exchange);
            switch (owner) {
                case "argocd" -> GitOpsSetup.argoCd(client, git, namespace, deployment, deployment, true, true);
                case "flux" -> GitOpsSetup.flux(client, git, namespace, deployment, "flux-system", deployment, false);
                default -> {
                    send(exchange, 400, Map.of("detail", "body: argocd or flux, not '" + owner + "'"));
                    return true;
                }
            }
            send(exchange, 204, null);
        } else if (method.equals("PUT") && path.length == 4 && path[3].equals("release")) {
            String tag = body(exchange);
            String file = GitOpsSetup.manifestPath(namespace, deployment);
            Deployment manifest = manifest(file);
            if (manifest == null || !tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
                send(exchange, manifest == null ? 404 : 400, Map.of("detail", manifest == null ? "no manifest " + file
                        + " in Git: PUT .../owner first" : "body: an image tag, not '" + tag + "'"));
                return true;
            }
            manifest.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.setImage(
                    c.getImage().replaceFirst(":[^:/]+$", "") + ":" + tag));
            git.commit(GitOpsSetup.REPOSITORY, "main", Map.of(file, Serialization.asYaml(manifest)), "release "
                    + namespace + "/" + deployment + " " + tag);
            send(exchange, 204, null);
        } else if (method.equals("GET") && path.length == 3) {
            Deployment manifest = manifest(GitOpsSetup.manifestPath(namespace, deployment));
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("revision", git.exists(GitOpsSetup.REPOSITORY)
                    ? git.head(GitOpsSetup.REPOSITORY, "main").orElse(null) : null);
            state.put("images", manifest == null ? List.of() : manifest.getSpec().getTemplate().getSpec()
                    .getContainers().stream().map(c -> c.getImage()).toList());
            state.put("changeRequests", git.exists(GitOpsSetup.REPOSITORY)
                    ? git.changeRequests(GitOpsSetup.REPOSITORY) : List.of());
            send(exchange, 200, state);
        } else {
            send(exchange, 404, Map.of("detail", "no such endpoint: " + method + " " + exchange.getRequestURI()));
        }
        return true;
    }

    /**
     * True for Bitbucket's API but a repository's pipelines ({@code /bitbucket/2.0/repositories/{workspace}/{slug}/
     * pipelines/...}), which the CI stand-in answers.
     */
    private static boolean bitbucketRepository(String[] path) {
        return path[0].equals("bitbucket") && !(path.length > 5 && path[5].equals("pipelines"));
    }

    private Deployment manifest(String file) {
        if (!git.exists(GitOpsSetup.REPOSITORY)) {
            return null;
        }
        String text = git.files(GitOpsSetup.REPOSITORY, "main").orElseThrow().get(file);
        return text == null ? null : Serialization.unmarshal(text, Deployment.class);
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
