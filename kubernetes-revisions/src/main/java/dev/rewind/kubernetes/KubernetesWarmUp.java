package dev.rewind.kubernetes;

import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.SecretList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetList;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.List;

/**
 * Builds the Kubernetes client's JSON readers and writers for the objects Rewind reads and writes, ahead of the first
 * rollback. Built on first use otherwise: reading the first Deployment makes Jackson introspect the whole model behind
 * it (pod specs, containers, probes, volumes: hundreds of classes), which took 8-10 s of a freshly started service on
 * the 2-core machine, inside the first rollback.
 */
public final class KubernetesWarmUp {

    private static final List<Class<?>> READ = List.of(Deployment.class, DeploymentList.class, ReplicaSetList.class,
            PodList.class, EventList.class, SecretList.class, JobList.class, Status.class);

    private KubernetesWarmUp() {
    }

    /** Warms {@code serialization} up; returns how long it took. */
    public static Duration warmUp(KubernetesSerialization serialization) {
        long started = System.nanoTime();
        for (Class<?> type : READ) {
            serialization.unmarshal("{}", type);
        }
        Deployment sample = new DeploymentBuilder()
                .withNewMetadata().withName("warm-up").addToAnnotations("deployment.kubernetes.io/revision", "1")
                .endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("app", "warm-up").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "warm-up").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("warm-up:1").endContainer().endSpec()
                .endTemplate().endSpec().build();
        serialization.unmarshal(serialization.asJson(sample), Deployment.class);
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
