package dev.rewind.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Release;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevisionHistoryTest {

    private static final String UID = "checkout-uid";
    private static final Deployment CHECKOUT = new DeploymentBuilder()
            .withNewMetadata().withName("checkout").withUid(UID).endMetadata().build();

    @Test
    void historyKeepsTheDeploymentsReplicaSetsWithAParsableRevisionOldestFirst() {
        ReplicaSet garbled = rs("v8", "8", UID);
        garbled.getMetadata().getAnnotations().put(DeploymentRevisions.REVISION, "eight");

        List<Revision> history = DeploymentRevisions.history(CHECKOUT, List.of(rs("v3", "3", UID),
                rs("v9", "9", "someone-else"), garbled, rs("v1", "1", UID), rs("v2", "2", UID)));

        assertThat(history).extracting(Revision::number).containsExactly(1L, 2L, 3L);
    }

    @Test
    void undoReturnsToTheRevisionBeforeTheNewestOrToTheOneAskedFor() {
        List<Revision> history = DeploymentRevisions.history(CHECKOUT,
                List.of(rs("v1", "1", UID), rs("v2", "2", UID), rs("v3", "3", UID)));

        assertThat(DeploymentRevisions.undoTarget(history, 0)).map(Revision::number).contains(2L);
        assertThat(DeploymentRevisions.undoTarget(history, 1)).map(Revision::number).contains(1L);
    }

    @Test
    void undoHasNoTargetWithoutAnEarlierRevisionOrForAnUnknownOne() {
        List<Revision> single = DeploymentRevisions.history(CHECKOUT, List.of(rs("v1", "1", UID)));
        List<Revision> two = DeploymentRevisions.history(CHECKOUT, List.of(rs("v1", "1", UID), rs("v2", "2", UID)));

        assertThat(DeploymentRevisions.undoTarget(single, 0)).isEmpty();
        assertThat(DeploymentRevisions.undoTarget(List.of(), 0)).isEmpty();
        assertThat(DeploymentRevisions.undoTarget(two, 7)).isEmpty();
        assertThat(DeploymentRevisions.undoTarget(two, -1)).isEmpty();
    }

    @Test
    void aRevisionsReleaseIsItsNumberAndItsTemplatesImages() {
        Revision previous = DeploymentRevisions.undoTarget(DeploymentRevisions.history(CHECKOUT,
                List.of(rs("v1.2.5", "1", UID), rs("v1.3.0", "2", UID))), 0).orElseThrow();

        assertThat(previous.release()).isEqualTo(new Release(1, Map.of("checkout", "registry.example/checkout:v1.2.5")));
    }

    private static ReplicaSet rs(String version, String revision, String ownerUid) {
        return new ReplicaSetBuilder()
                .withNewMetadata().withName("checkout-" + version)
                .addToAnnotations(DeploymentRevisions.REVISION, revision)
                .addNewOwnerReference().withUid(ownerUid).withController(true).withKind("Deployment")
                .withName("checkout").endOwnerReference()
                .endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("checkout")
                .withImage("registry.example/checkout:" + version).endContainer().endSpec().endTemplate().endSpec()
                .build();
    }
}
