package dev.rewind.executor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Release;
import dev.rewind.executor.domain.BadReleaseGuard.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadReleaseGuardTest {

    private static final Map<String, String> V130 = Map.of("checkout", "registry.example/checkout:v1.3.0");
    private static final Map<String, String> V125 = Map.of("checkout", "registry.example/checkout:v1.2.5");
    private static final Verdict INCIDENT_123 = new Verdict(123L, new Release(2, V130),
            Instant.parse("2026-11-27T10:15:30.123456Z"));

    @Test
    void refusesTheUndoTargetRunningTheImagesAnEarlierIncidentJudgedBadUnderAnyRevisionNumber() {
        assertThat(BadReleaseGuard.refusal("shop/checkout", new Release(4, V130), false, List.of(INCIDENT_123)))
                .contains("deployment shop/checkout: the undo target revision 4 runs "
                        + "{checkout=registry.example/checkout:v1.3.0}, the release incident 123 judged bad and rolled "
                        + "back from at 2026-11-27T10:15:30Z; not rolling back to it, whatever guards were overridden: "
                        + "roll back to an explicit revision instead ('kubectl rollout history' lists them)");
    }

    @Test
    void letsAnUndoTargetNoIncidentJudgedBadGo() {
        assertThat(BadReleaseGuard.refusal("shop/checkout", new Release(3, V125), false, List.of(INCIDENT_123)))
                .isEmpty();
        assertThat(BadReleaseGuard.refusal("shop/checkout", new Release(2, V130), false, List.of())).isEmpty();
    }

    @Test
    void anotherContainerMakesAnotherRelease() {
        Release withSidecar = new Release(2, Map.of("checkout", "registry.example/checkout:v1.3.0",
                "proxy", "registry.example/proxy:v9"));

        assertThat(BadReleaseGuard.refusal("shop/checkout", withSidecar, false, List.of(INCIDENT_123))).isEmpty();
    }

    @Test
    void namesTheLatestVerdictOnTheRelease() {
        Verdict later = new Verdict(200L, new Release(5, V130), Instant.parse("2026-11-28T08:00:00Z"));

        assertThat(BadReleaseGuard.refusal("shop/checkout", new Release(6, V130), false, List.of(INCIDENT_123, later)))
                .get().asString().contains("the release incident 200 judged bad and rolled back from at "
                        + "2026-11-28T08:00:00Z");
    }

    @Test
    void refusesARevisionTheCommandNamesToo() {
        assertThat(BadReleaseGuard.refusal("shop/checkout", new Release(2, V130), true, List.of(INCIDENT_123)))
                .get().asString().startsWith("deployment shop/checkout: revision 2, the one the command names, runs ")
                .endsWith("name another revision, or roll back by hand if that release is wanted after all");
    }

    @Test
    void aVerdictRecordedWithoutItsIncidentNumberStillRefuses() {
        Verdict unnumbered = new Verdict(null, new Release(2, V130), INCIDENT_123.rolledBackAt());

        assertThat(BadReleaseGuard.refusal("shop/checkout", new Release(2, V130), false, List.of(unnumbered)))
                .get().asString().contains("the release an earlier incident judged bad");
    }
}
