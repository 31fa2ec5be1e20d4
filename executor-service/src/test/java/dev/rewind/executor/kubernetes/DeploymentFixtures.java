package dev.rewind.executor.kubernetes;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.HashMap;
import java.util.Map;

/** Deployments and ReplicaSets of {@code shop/checkout} as the controller leaves them, for plain tests. */
final class DeploymentFixtures {

    static final String UID = "d-uid";

    private DeploymentFixtures() {
    }

    static Deployment deployment(String version, long revision, Map<String, String> annotations) {
        Map<String, String> all = new HashMap<>(annotations);
        all.putIfAbsent("deployment.kubernetes.io/revision", String.valueOf(revision));
        return new DeploymentBuilder()
                .withNewMetadata().withName("checkout").withNamespace("shop").withUid(UID).withResourceVersion("42")
                .withAnnotations(all).endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "checkout")).endSelector()
                .withTemplate(template(version, null)).endSpec()
                .build();
    }

    static ReplicaSet rs(String version, long revision, String hash, String ownerUid) {
        return new ReplicaSetBuilder()
                .withNewMetadata().withName("checkout-" + hash).withNamespace("shop")
                .withAnnotations(new HashMap<>(Map.of("deployment.kubernetes.io/revision", String.valueOf(revision))))
                .addNewOwnerReference().withUid(ownerUid).withController(true).withKind("Deployment")
                .withName("checkout").endOwnerReference()
                .endMetadata()
                .withNewSpec().withTemplate(template(version, hash)).endSpec()
                .build();
    }

    static PodTemplateSpec template(String version, String hash) {
        Map<String, String> labels = new HashMap<>(Map.of("app", "checkout"));
        if (hash != null) {
            labels.put("pod-template-hash", hash);
        }
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("checkout").withImage("registry.example/checkout:" + version)
                .endContainer().endSpec().build();
    }
}
