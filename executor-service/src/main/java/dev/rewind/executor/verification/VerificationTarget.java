package dev.rewind.executor.verification;

import dev.rewind.events.TargetKey;
import dev.rewind.platform.environment.Environment;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What is verified after a rollback rolled out: the target's Deployment as read after the rollout, in its
 * environment's cluster.
 *
 * @param client the API client of the environment's cluster
 * @param deployment the Deployment after the rollout: its selector ({@link #selector()}) finds its pods and its
 *                   annotations ({@link #annotation}) override the configuration for this target
 * @param startedAt when the rollback's change was sent: pods, events and log lines newer than this are "new"
 * @param incidentId the incident the rollback is for; null outside one
 */
public record VerificationTarget(TargetKey target, Environment environment, KubernetesClient client,
                                 Deployment deployment, Instant startedAt, UUID incidentId) {

    /** A target verified outside an incident. */
    public VerificationTarget(TargetKey target, Environment environment, KubernetesClient client,
                              Deployment deployment, Instant startedAt) {
        this(target, environment, client, deployment, startedAt, null);
    }

    public VerificationTarget {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public String namespace() {
        return deployment.getMetadata().getNamespace() != null ? deployment.getMetadata().getNamespace()
                : target.namespace();
    }

    /** The Deployment's name. */
    public String name() {
        return deployment.getMetadata().getName();
    }

    /** {@code namespace/name}, as people name a Deployment. */
    public String describe() {
        return namespace() + "/" + name();
    }

    public LabelSelector selector() {
        return deployment.getSpec().getSelector();
    }

    /** The labels of the Deployment's pod template (what a Service selects). */
    public Map<String, String> templateLabels() {
        var metadata = deployment.getSpec().getTemplate().getMetadata();
        return metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    }

    /** spec.replicas, 1 when unset as the API server defaults it. */
    public int replicas() {
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    /** The Deployment's annotation {@code key}, when set and not blank. */
    public Optional<String> annotation(String key) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(key))
                .map(String::trim).filter(value -> !value.isEmpty());
    }

    /** {@code template} with {namespace}, {service} (the Deployment's name) and {environment} filled in. */
    public String expand(String template) {
        return template.replace("{namespace}", namespace()).replace("{service}", name())
                .replace("{environment}", target.environment());
    }
}
