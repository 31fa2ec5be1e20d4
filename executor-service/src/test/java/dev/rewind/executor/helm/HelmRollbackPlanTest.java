package dev.rewind.executor.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.sandbox.helm.HelmDemoChart;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelmRollbackPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-27T14:00:00.250Z");

    @Test
    void rollsBackToTheRevisionBeforeTheCurrentAsANewPendingRevision() {
        HelmRelease v1 = revision(1, "v1.2.5", "superseded");
        HelmRelease v2 = revision(2, "v1.3.0", "deployed");

        HelmRollbackPlan plan = HelmRollbackPlan.of("checkout", List.of(v2, v1), 0, NOW);

        assertThat(plan.current()).isEqualTo(v2);
        assertThat(plan.target()).isEqualTo(v1);
        HelmRelease rollback = plan.rollback();
        assertThat(rollback.version()).isEqualTo(3);
        assertThat(rollback.status()).isEqualTo(HelmStatus.PENDING_ROLLBACK);
        assertThat(rollback.description()).isEqualTo("Rollback to 1");
        ObjectNode json = rollback.json();
        assertThat(json.at("/info/first_deployed").asText()).isEqualTo(v2.json().at("/info/first_deployed").asText());
        assertThat(json.at("/info/last_deployed").asText()).isEqualTo("2026-11-27T14:00:00.250Z");
        assertThat(json.at("/info/notes").asText()).isEqualTo("checkout v1.2.5 is listening on :8080");
        assertThat(json.path("manifest")).isEqualTo(v1.json().path("manifest"));
        assertThat(json.path("chart")).isEqualTo(v1.json().path("chart"));
        assertThat(json.path("config")).isEqualTo(v1.json().path("config"));
        assertThat(json.path("apply_method").asText()).as("a field Rewind does not know").isEqualTo("csa");
        assertThat(rollback.name()).isEqualTo("checkout");
        assertThat(rollback.namespace()).isEqualTo("shop");
        assertThat(rollback.labels()).containsExactly(Map.entry("team", "payments"));
    }

    @Test
    void theCurrentRevisionIsTheHighestWhateverItsStatus() {
        List<HelmRelease> history = List.of(revision(1, "v1.2.5", "superseded"), revision(2, "v1.3.0", "deployed"),
                revision(3, "v1.3.0", "failed"));

        HelmRollbackPlan plan = HelmRollbackPlan.of("checkout", history, 0, NOW);

        assertThat(plan.current().version()).isEqualTo(3);
        assertThat(plan.target().version()).isEqualTo(2);
        assertThat(plan.rollback().version()).isEqualTo(4);
        assertThat(plan.rollback().description()).isEqualTo("Rollback to 2");
    }

    @Test
    void rollsBackToTheRevisionAskedFor() {
        List<HelmRelease> history = List.of(revision(1, "v1.2.5", "superseded"), revision(2, "v1.3.0", "superseded"),
                revision(3, "v1.3.0", "deployed"));

        HelmRollbackPlan plan = HelmRollbackPlan.of("checkout", history, 1, NOW);

        assertThat(plan.target().version()).isEqualTo(1);
        assertThat(plan.rollback().version()).isEqualTo(4);
        assertThat(plan.rollback().description()).isEqualTo("Rollback to 1");
    }

    @Test
    void saysAsHelmDoesWhenTheRevisionIsNotInTheHistory() {
        List<HelmRelease> history = List.of(revision(1, "v1.2.5", "deployed"));

        assertThatThrownBy(() -> HelmRollbackPlan.of("checkout", history, 5, NOW))
                .isInstanceOf(MethodUnavailable.class).hasMessage("release has no 5 version");
        assertThatThrownBy(() -> HelmRollbackPlan.of("checkout", history, 0, NOW))
                .isInstanceOf(MethodUnavailable.class).hasMessage("release has no 0 version");
        assertThatThrownBy(() -> HelmRollbackPlan.of("checkout", List.of(), 0, NOW))
                .isInstanceOf(MethodUnavailable.class).hasMessageStartingWith("release: not found");
    }

    @Test
    void leavesChartsWithRollbackHooksToHelm() {
        HelmRelease v1 = withHook(revision(1, "v1.2.5", "superseded"), "checkout-db-restore", "pre-rollback");
        HelmRelease v2 = revision(2, "v1.3.0", "deployed");

        assertThatThrownBy(() -> HelmRollbackPlan.of("checkout", List.of(v1, v2), 0, NOW))
                .isInstanceOf(MethodUnavailable.class)
                .hasMessage("revision 1 of release \"checkout\" has rollback hooks {checkout-db-restore=[pre-rollback]}"
                        + ", which Rewind does not run: roll back with 'helm rollback checkout 1' or another method");
    }

    @Test
    void hooksOfOtherEventsDoNotRunOnARollback() {
        HelmRelease v1 = withHook(revision(1, "v1.2.5", "superseded"), "checkout-migrate", "pre-upgrade");

        HelmRollbackPlan plan = HelmRollbackPlan.of("checkout", List.of(v1, revision(2, "v1.3.0", "deployed")), 0,
                NOW);

        assertThat(plan.rollback().json().path("hooks")).isEqualTo(v1.json().path("hooks"));
    }

    private static HelmRelease revision(long version, String tag, String status) {
        return HelmRelease.of(HelmDemoChart.release("checkout", "shop", version, tag, status, "Upgrade complete"),
                Map.of("name", "checkout", "owner", "helm", "status", status, "version", String.valueOf(version),
                        "team", "payments"));
    }

    private static HelmRelease withHook(HelmRelease release, String name, String event) {
        ObjectNode json = release.json();
        ObjectNode hook = json.putArray("hooks").addObject();
        hook.put("name", name).put("kind", "Job").put("path", "checkout/templates/" + name + ".yaml");
        hook.putArray("events").add(event);
        return new HelmRelease(json, release.labels());
    }
}
