package dev.rewind.sandbox.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.sandbox.DaemonThreads;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local stand-in for a CI's rollback pipelines, speaking Bitbucket Cloud's pipelines API (REST 2.0) as the
 * executor's pipeline method calls it: start a custom pipeline with variables (201, PENDING), read one run, list runs
 * newest first. A run goes IN_PROGRESS, then does what its repository's {@link PipelineOutcome} says: by default it
 * deploys its {@code VERSION} variable to the Deployment named by its {@code SERVICE} variable and annotated
 * {@code rewind.dev/pipeline-repository} with its repository, in the namespaces of the environment its pipeline is
 * for ({@code rollback-<environment>}, when the namespaces' environments are known), each container's image tag set
 * to it as a CI's deploy step would, then succeeds; a run without a VERSION fails.
 */
public final class PipelinesStandIn implements AutoCloseable {

    /** The Deployment annotation naming the repository of its rollback pipeline, as Rewind reads it. */
    public static final String REPOSITORY_ANNOTATION = "rewind.dev/pipeline-repository";

    private static final Logger LOG = Logger.getLogger(PipelinesStandIn.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_RUNS = 200;

    private final KubernetesClient client;
    private final Duration stepTime;
    private final Map<String, String> environmentsByNamespace;
    private final Map<String, PipelineOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> runs = new LinkedHashMap<>();
    private final ScheduledExecutorService steps =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sandbox-pipelines"));
    private long lastBuildNumber;

    /**
     * Runs move on one state every {@code stepTime}; {@code environmentsByNamespace} (namespace to environment, empty
     * when unknown) keeps a run of {@code rollback-staging} out of production's namespaces.
     */
    public PipelinesStandIn(KubernetesClient client, Duration stepTime, Map<String, String> environmentsByNamespace) {
        this.client = client;
        this.stepTime = stepTime;
        this.environmentsByNamespace = Map.copyOf(environmentsByNamespace);
    }

    /** Sets what the pipelines of {@code repository} ({@code workspace/slug}) do from now on. */
    public void outcome(String repository, PipelineOutcome outcome) {
        outcomes.put(repository, outcome);
    }

    /** Starts a run of {@code repository}'s pipeline from Bitbucket's trigger body; the run as Bitbucket answers it. */
    public synchronized ObjectNode trigger(String repository, JsonNode body) {
        ObjectNode run = JSON.createObjectNode();
        run.put("type", "pipeline");
        run.put("uuid", "{" + UUID.randomUUID() + "}");
        run.put("build_number", ++lastBuildNumber);
        run.put("created_on", Instant.now().toString());
        run.putObject("repository").put("full_name", repository);
        run.set("target", body.path("target").deepCopy());
        ArrayNode variables = run.putArray("variables");
        body.path("variables").forEach(variable -> variables.add(variable.deepCopy()));
        run.put("has_variables", !variables.isEmpty());
        state(run, "PENDING", null);
        runs.put(key(repository, run.path("uuid").asText()), run);
        if (runs.size() > KEPT_RUNS) {
            runs.remove(runs.keySet().iterator().next());
        }
        PipelineOutcome outcome = outcomes.getOrDefault(repository, PipelineOutcome.DEPLOYS);
        Deploy deploy = new Deploy(repository, variable(body, "SERVICE"), variable(body, "VERSION"),
                environmentOf(body.at("/target/selector/pattern").asText("")));
        steps.schedule(() -> advance(run, "IN_PROGRESS", null), stepTime.toMillis(), TimeUnit.MILLISECONDS);
        steps.schedule(() -> finish(run, outcome, deploy), 2 * stepTime.toMillis(), TimeUnit.MILLISECONDS);
        return run.deepCopy();
    }

    /** One run of {@code repository}, by its uuid in braces. */
    public synchronized Optional<ObjectNode> run(String repository, String uuid) {
        return Optional.ofNullable(runs.get(key(repository, uuid))).map(ObjectNode::deepCopy);
    }

    /** Run number {@code buildNumber} of {@code repository} (where the run's web page would be). */
    public synchronized Optional<ObjectNode> runNumber(String repository, long buildNumber) {
        return runs.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(repository + " ")
                        && entry.getValue().path("build_number").asLong() == buildNumber)
                .map(entry -> entry.getValue().deepCopy()).findFirst();
    }

    /** A page of {@code repository}'s runs, newest first, at most {@code pagelen}. */
    public synchronized ObjectNode list(String repository, int pagelen) {
        List<ObjectNode> newestFirst = new ArrayList<>();
        runs.forEach((key, run) -> {
            if (key.startsWith(repository + " ")) {
                newestFirst.add(0, run.deepCopy());
            }
        });
        ObjectNode page = JSON.createObjectNode();
        page.put("pagelen", pagelen);
        page.put("size", newestFirst.size());
        page.put("page", 1);
        ArrayNode values = page.putArray("values");
        newestFirst.stream().limit(pagelen).forEach(values::add);
        return page;
    }

    /** What a run deploys: {@code version} to Deployment {@code service} of {@code repository}, in {@code environment}. */
    private record Deploy(String repository, String service, String version, String environment) {
    }

    private void finish(ObjectNode run, PipelineOutcome outcome, Deploy deploy) {
        if (outcome == PipelineOutcome.FAILS) {
            advance(run, "COMPLETED", "FAILED");
            return;
        }
        if (outcome == PipelineOutcome.DEPLOYS && (deploy.version() == null || deploy.version().isBlank())) {
            advance(run, "COMPLETED", "FAILED");
            return;
        }
        try {
            if (outcome == PipelineOutcome.DEPLOYS) {
                deploy(deploy);
            }
            advance(run, "COMPLETED", "SUCCESSFUL");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pipeline run of " + deploy.repository() + " could not deploy " + deploy.version(), e);
            advance(run, "COMPLETED", "ERROR");
        }
    }

    private void deploy(Deploy deploy) {
        for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
            Map<String, String> annotations = deployment.getMetadata().getAnnotations();
            String namespace = deployment.getMetadata().getNamespace();
            boolean ours = annotations != null && deploy.repository().equals(annotations.get(REPOSITORY_ANNOTATION))
                    && (deploy.service() == null || deploy.service().equals(deployment.getMetadata().getName()))
                    && (deploy.environment() == null || environmentsByNamespace.isEmpty()
                    || deploy.environment().equals(environmentsByNamespace.get(namespace)));
            if (ours) {
                client.apps().deployments().inNamespace(namespace).withName(deployment.getMetadata().getName())
                        .edit(d -> {
                            d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.setImage(
                                    c.getImage().replaceFirst(":[^:/@]+$", "") + ":" + deploy.version()));
                            return d;
                        });
            }
        }
    }

    /** The environment of a pipeline named {@code rollback-<environment>}; null for another name. */
    private static String environmentOf(String pipeline) {
        return pipeline.startsWith("rollback-") ? pipeline.substring("rollback-".length()) : null;
    }

    private synchronized void advance(ObjectNode run, String state, String result) {
        state(run, state, result);
    }

    private static void state(ObjectNode run, String name, String result) {
        ObjectNode state = run.putObject("state");
        state.put("name", name);
        state.put("type", "pipeline_state_" + name.toLowerCase());
        if (result != null) {
            state.putObject("result").put("name", result);
            run.put("completed_on", Instant.now().toString());
        } else if (name.equals("IN_PROGRESS")) {
            state.putObject("stage").put("name", "RUNNING");
        }
    }

    private static String variable(JsonNode body, String key) {
        for (JsonNode variable : body.path("variables")) {
            if (key.equals(variable.path("key").asText())) {
                return variable.path("value").asText(null);
            }
        }
        return null;
    }

    private static String key(String repository, String uuid) {
        return repository + " " + uuid;
    }

    @Override
    public void close() {
        steps.shutdownNow();
    }
}
