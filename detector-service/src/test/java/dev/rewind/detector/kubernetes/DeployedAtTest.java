package dev.rewind.detector.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.kubernetes.Revision;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployedAtTest {

    @Test
    void isTheCreationOfTheRunningRevisionsReplicaSet() {
        List<Revision> history = List.of(revision(1, "2026-11-20T08:00:00Z"), revision(2, "2026-11-27T09:30:00Z"));

        assertThat(DeployedReleases.deployedAt(history, 2)).isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
        assertThat(DeployedReleases.deployedAt(history, 1)).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
    }

    @Test
    void isUnknownWhenTheHistoryOrTheTimestampCannotBeRead() {
        assertThat(DeployedReleases.deployedAt(null, 2)).isNull();
        assertThat(DeployedReleases.deployedAt(List.of(revision(2, null)), 2)).isNull();
        assertThat(DeployedReleases.deployedAt(List.of(revision(2, "yesterday")), 2)).isNull();
        assertThat(DeployedReleases.deployedAt(List.of(revision(1, "2026-11-20T08:00:00Z")), 2)).isNull();
    }

    private static Revision revision(long number, String created) {
        ReplicaSet replicaSet = new ReplicaSetBuilder().withNewMetadata().withName("checkout-" + number)
                .withCreationTimestamp(created).endMetadata().build();
        return new Revision(number, replicaSet);
    }
}
