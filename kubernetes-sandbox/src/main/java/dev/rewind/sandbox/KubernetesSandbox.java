package dev.rewind.sandbox;

import dev.rewind.sandbox.apps.DemoApps;
import dev.rewind.sandbox.apps.SlackStandIn;
import dev.rewind.sandbox.ci.PipelinesStandIn;
import dev.rewind.sandbox.git.GitHostStandIn;
import dev.rewind.sandbox.git.SandboxGit;
import dev.rewind.sandbox.gitops.GitOpsCrds;
import dev.rewind.sandbox.gitops.GitOpsEndpoints;
import dev.rewind.sandbox.gitops.SimulatedGitOpsController;
import dev.rewind.sandbox.helm.HelmDemoChart;
import dev.rewind.sandbox.monitor.MonitorSettings;
import dev.rewind.sandbox.monitor.SandboxMonitor;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API without a cluster: the fabric8 mock server in CRUD mode on a loopback port, with the simulated
 * Deployment controller running against it, and Argo CD's and Flux's resources served with a stand-in for their
 * controllers ({@link SimulatedGitOpsController}). Clients in other processes reach it through {@link #writeKubeconfig}.
 * Its controller is instant ({@link SandboxRealism#INSTANT}) unless started with another {@link SandboxRealism}.
 * Run {@code main} to serve a sandbox with a demo Deployment until the process is stopped; it runs the controllers as
 * faithfully as {@link SandboxRealism#fromEnvironment} says (by default {@link SandboxRealism#FAITHFUL}: rollouts in
 * steps, progress deadlines at 1/50, pods, Jobs run), tuned by these environment variables:
 * <ul>
 *   <li>{@code SANDBOX_REALISM=off}: everything at once, as in the tests (no pods, Jobs never run);</li>
 *   <li>{@code SANDBOX_ROLLOUT_STEP_MS} (250): the time between two steps of a rollout (and two rounds of the Job
 *   controller), no less than the controller's 50 ms loop;</li>
 *   <li>{@code SANDBOX_PROGRESS_DEADLINE_SCALE} (0.02): what spec.progressDeadlineSeconds (600 when unset) is
 *   multiplied by before a broken release's Progressing turns False ProgressDeadlineExceeded (1 waits it out);</li>
 *   <li>{@code SANDBOX_PODS=off}: no Pod objects (the ReplicaSets' status still counts them);</li>
 *   <li>{@code SANDBOX_JOBS=off}: Jobs are never run; {@code SANDBOX_JOB_MS} (1000): how long a Job runs before it
 *   completes (or fails, when its pod template is annotated {@code sandbox.rewind.dev/simulate: job-fails}).</li>
 * </ul>
 */
public final class KubernetesSandbox implements AutoCloseable {

    /**
     * The mock server logs every request it serves at INFO, and the demo applications read the API several times a
     * second: warnings only (the dispatcher records requests for tests that need them).
     */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    /** How often the GitOps stand-in looks for drift: a self-healing Application sets it back within a second. */
    private static final long GITOPS_ROUND_MILLIS = 200;

    /** The token the sandbox's Git hosting stand-in accepts. */
    public static final String GIT_TOKEN = "sandbox-git-token";

    private final KubernetesMockServer server;
    private final RecordingDispatcher dispatcher;
    private final KubernetesClient client;
    private final SimulatedDeploymentController controller;
    private final SandboxGit git = new SandboxGit();
    private final SimulatedGitOpsController gitOps;
    private final GitHostStandIn gitHost;

    private KubernetesSandbox(KubernetesMockServer server, RecordingDispatcher dispatcher, SandboxRealism realism) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.client = server.createClient();
        this.controller = new SimulatedDeploymentController(client, realism).start(50);
        GitOpsCrds.install(client);
        this.gitOps = new SimulatedGitOpsController(client, git, Clock.systemUTC()).start(GITOPS_ROUND_MILLIS);
        this.gitHost = new GitHostStandIn(git, 0, GIT_TOKEN);
    }

    /** Starts a sandbox on {@code port} of 127.0.0.1 (0 for any free port) with an instant controller. */
    public static KubernetesSandbox start(int port) {
        return start(port, SandboxRealism.INSTANT);
    }

    /** Starts a sandbox on {@code port} of 127.0.0.1 (0 for any free port) whose controllers are as {@code realism}. */
    public static KubernetesSandbox start(int port, SandboxRealism realism) {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        RecordingDispatcher dispatcher = new RecordingDispatcher(new KubernetesMixedDispatcher(new HashMap<>()));
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), port);
        return new KubernetesSandbox(server, dispatcher, realism);
    }

    /** A client of this sandbox, for tests and seeding. */
    public KubernetesClient client() {
        return client;
    }

    public SimulatedDeploymentController controller() {
        return controller;
    }

    /** The stand-in for Argo CD and Flux: Deployments they own are set back to what Git holds. */
    public SimulatedGitOpsController gitOps() {
        return gitOps;
    }

    /** The Git repositories the GitOps resources deploy from ({@link dev.rewind.sandbox.gitops.GitOpsSetup}). */
    public SandboxGit git() {
        return git;
    }

    /** The GitOps endpoints {@link SandboxHttp} serves: the Git hosting stand-in, a team's moves through Git. */
    public GitOpsEndpoints gitOpsEndpoints() {
        return new GitOpsEndpoints(client, git, gitHost);
    }

    /** GitHub's and GitLab's APIs over {@link #git()}, for clients presenting {@link #GIT_TOKEN}. */
    public GitHostStandIn gitHost() {
        return gitHost;
    }

    /** The API server's URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Writes a kubeconfig pointing at this sandbox with {@code namespace} as the default namespace. */
    public Path writeKubeconfig(Path file, String namespace) {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: rewind-sandbox
                    cluster:
                      server: %s
                contexts:
                  - name: rewind-sandbox
                    context:
                      cluster: rewind-sandbox
                      namespace: %s
                      user: rewind-sandbox
                current-context: rewind-sandbox
                users:
                  - name: rewind-sandbox
                    user:
                      token: sandbox
                """.formatted(url(), namespace);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, kubeconfig);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates Deployment {@code name} and rolls it through {@code versions} (image tags) in order, as a team's
     * successive releases would: the last version runs, each earlier one is a ReplicaSet revision in its history.
     */
    public Deployment deployWithHistory(String namespace, String name, String image, List<String> versions) {
        Deployment deployment = null;
        for (String version : versions) {
            if (deployment == null) {
                deployment = client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                        .withNewMetadata().withName(name).withNamespace(namespace)
                        .withLabels(Map.of("app", name)).endMetadata()
                        .withNewSpec().withReplicas(2)
                        .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                        .withNewTemplate()
                        .withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                        .withNewSpec().addNewContainer().withName(name).withImage(image + ":" + version)
                        .endContainer().endSpec()
                        .endTemplate()
                        .endSpec().build()).create();
            } else {
                client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image + ":" + version);
                    return d;
                });
            }
            controller.reconcileAll();
            deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        }
        return deployment;
    }

    /**
     * The JSON patches that replaced Deployment {@code name}'s whole pod template, as {@code kubectl rollout undo}
     * does (edits of single fields, like a release's new image, are not counted), whatever the API server answered.
     */
    public List<RecordingDispatcher.Write> deploymentPatches(String namespace, String name) {
        String path = deploymentPath(namespace, name);
        return dispatcher.writes().stream()
                .filter(w -> w.path().split("\\?")[0].equals(path)
                        && RecordingDispatcher.isRollbackPatch(w.method(), w.contentType(), w.body()))
                .toList();
    }

    /** The reads (GET) of Deployment {@code name} the API server received, oldest first (the latest 10,000 reads). */
    public List<RecordingDispatcher.Read> deploymentReads(String namespace, String name) {
        return reads(deploymentPath(namespace, name));
    }

    /** The lists of {@code namespace}'s ReplicaSets the API server received, oldest first. */
    public List<RecordingDispatcher.Read> replicaSetLists(String namespace) {
        return reads("/apis/apps/v1/namespaces/" + namespace + "/replicasets");
    }

    private List<RecordingDispatcher.Read> reads(String path) {
        return dispatcher.reads().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Those of {@link #deploymentPatches} the API server applied (answered 2xx; a 409 changed nothing). */
    public List<RecordingDispatcher.Write> appliedDeploymentPatches(String namespace, String name) {
        return deploymentPatches(namespace, name).stream().filter(w -> w.status() / 100 == 2).toList();
    }

    /**
     * Answers the next {@code times} requests about Deployment {@code name} with {@code status} (503, 429, 403, ...),
     * as a struggling API server does; {@code Integer.MAX_VALUE} until the returned handle is closed.
     */
    public AutoCloseable failDeploymentRequests(String namespace, String name, int status, int times) {
        return dispatcher.fail(deploymentPath(namespace, name), status, times);
    }

    /**
     * Answers the next {@code times} writes of Deployment {@code name} (its patches, updates, status and scale) with
     * {@code status} while its reads are served, as an API server whose storage or admission refuses writes does;
     * {@code Integer.MAX_VALUE} until the returned handle is closed. Refused writes are not recorded.
     */
    public AutoCloseable failDeploymentWrites(String namespace, String name, int status, int times) {
        return dispatcher.failWrites(deploymentPath(namespace, name), status, times);
    }

    /**
     * Until the returned handle is closed, the API server applies and records each rollback patch of Deployment
     * {@code name} but its answer never reaches the client (held back for an hour), as when the connection drops
     * right after the write was committed: the client's request times out although the patch took effect. Closing
     * the handle answers later patches at once; an answer already held back stays lost.
     */
    public AutoCloseable withholdRollbackPatchAnswers(String namespace, String name) {
        return dispatcher.withholdRollbackPatchAnswers(deploymentPath(namespace, name));
    }

    /**
     * Applies {@code jsonPatch} to Deployment {@code name}, as another client would, right before the API server serves
     * the next rollback patch of it: a write between the rollback's plan and its patch.
     */
    public void beforeNextRollbackPatch(String namespace, String name, String jsonPatch) {
        dispatcher.beforeNextRollbackPatch(deploymentPath(namespace, name), jsonPatch);
    }

    private static String deploymentPath(String namespace, String name) {
        return "/apis/apps/v1/namespaces/" + namespace + "/deployments/" + name;
    }

    @Override
    public void close() {
        gitHost.close();
        gitOps.close();
        controller.close();
        client.close();
        server.destroy();
    }

    /**
     * Serves a sandbox with demo Deployments {@code shop/checkout} (the dev stack's development),
     * {@code shop-staging/checkout} (its staging) and {@code shop-production/checkout} (its production), each at
     * revision 2 (v1.3.0, after v1.2.5), and the Helm release {@code shop/cart} (revision 2 deployed, revision 1
     * superseded, as Helm's release Secrets); beside it, on {@code args[2]} ({@code SANDBOX_APPS_PORT}), the demo
     * applications, the monitor ({@link MonitorSettings#fromEnvironment}), the Slack stand-in and the CI's rollback
     * pipelines ({@link SandboxHttp}). Its controllers are as {@link SandboxRealism#fromEnvironment} says (see the
     * class's comment).
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Path kubeconfig = Path.of(args.length > 1 ? args[1] : "kubeconfig-sandbox.yaml");
        int appsPort = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        MonitorSettings settings = MonitorSettings.fromEnvironment(System.getenv());
        SandboxRealism realism = SandboxRealism.fromEnvironment(System.getenv());
        KubernetesSandbox sandbox = start(port, realism);
        for (String namespace : List.of("shop", "shop-staging", "shop-production")) {
            sandbox.deployWithHistory(namespace, "checkout", "registry.example/shop/checkout",
                    List.of("v1.2.5", "v1.3.0"));
        }
        // A Helm-managed release beside them, stored as Helm 3 stores it (release Secrets), for the Helm method.
        HelmDemoChart.installAndUpgrade(sandbox.client(), sandbox.controller()::reconcileAll, "shop", "cart",
                "v1.2.5", "v1.3.0");
        sandbox.writeKubeconfig(kubeconfig, "shop");
        DemoApps apps = new DemoApps(sandbox.client()).start(Duration.ofMillis(100));
        SandboxMonitor monitor = new SandboxMonitor(settings, apps).start();
        PipelinesStandIn pipelines = new PipelinesStandIn(sandbox.client(), Duration.ofMillis(500),
                settings.environments());
        SandboxHttp http = new SandboxHttp(appsPort, apps, monitor, new SlackStandIn(), pipelines,
                sandbox.gitOpsEndpoints());
        System.out.println("Kubernetes sandbox at " + sandbox.url() + ", kubeconfig " + kubeconfig.toAbsolutePath()
                + "; " + realism.describe());
        System.out.println("demo applications, monitor, Slack, CI and Git stand-ins at " + http.url() + "; alerts to "
                + (settings.webhook() == null ? "nowhere (SANDBOX_ALERT_WEBHOOK unset)" : settings.webhook())
                + " for namespaces " + settings.environments());
        Thread.currentThread().join();
    }
}
