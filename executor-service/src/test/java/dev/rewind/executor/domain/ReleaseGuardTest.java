package dev.rewind.executor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Release;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseGuardTest {

    private static final Release BAD = new Release(2, Map.of("checkout", "registry.example/checkout:v1.3.0"));

    @Test
    void letsTheRollbackGoWhileTheJudgedReleaseRuns() {
        assertThat(ReleaseGuard.refusal("shop/checkout", BAD, BAD, 123)).isEmpty();
    }

    @Test
    void refusesWithBothReleasesWhenTheTargetRunsAnotherOne() {
        Release rolledBack = new Release(3, Map.of("checkout", "registry.example/checkout:v1.2.5"));

        assertThat(ReleaseGuard.refusal("shop/checkout", rolledBack, BAD, 123)).contains("deployment shop/checkout "
                + "now runs revision 3 {checkout=registry.example/checkout:v1.2.5}, not revision 2 "
                + "{checkout=registry.example/checkout:v1.3.0} that incident 123 judged bad: already rolled back or "
                + "deployed again; not rolling back");
    }

    @Test
    void theSameImagesUnderAnotherRevisionAreAnotherRelease() {
        Release redeployed = new Release(4, BAD.images());

        assertThat(ReleaseGuard.refusal("shop/checkout", redeployed, BAD, 123)).isPresent();
    }
}
