package dev.rewind.detector.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.detector.domain.PastRollback;
import dev.rewind.detector.kubernetes.ReleaseLookup;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardReadsTest {

    private static final Instant DEPLOYED_BEFORE = Instant.parse("2026-11-26T12:00:00Z");
    private static final TargetKey CHECKOUT = new TargetKey("production", "shop", "checkout");
    private static final TargetKey CART = new TargetKey("production", "shop", "cart");
    private static final TargetKey SEARCH = new TargetKey("production", "shop", "search");
    private static final TargetKey STAGING_CART = new TargetKey("staging", "shop", "cart");
    private static final ReleaseLookup UNREADABLE = new ReleaseLookup.Refused(DeclineReason.NEEDS_HUMAN, "no answer");

    @Test
    void aTargetDoesNotCountTowardsItsOwnInfrastructureRule() {
        GuardReads reads = reads(Map.of("production", Set.of(CHECKOUT.toString(), CART.toString())));

        assertThat(reads.otherTargetsNotRecentlyDeployed(CHECKOUT)).isEqualTo(1);
        assertThat(reads.otherTargetsNotRecentlyDeployed(SEARCH)).isEqualTo(2);
    }

    @Test
    void anIncidentTheBatchOpensOnAnOldReleaseCountsForTheNextDecisionInItsEnvironmentOnly() {
        GuardReads reads = reads(Map.of("production", Set.of(), "staging", Set.of()));

        reads.opened(CART, DEPLOYED_BEFORE.minusSeconds(1));

        assertThat(reads.otherTargetsNotRecentlyDeployed(CHECKOUT)).isEqualTo(1);
        assertThat(reads.otherTargetsNotRecentlyDeployed(STAGING_CART)).isZero();
    }

    @Test
    void anIncidentOnARecentOrUnknownDeployDoesNotCount() {
        GuardReads reads = reads(Map.of("production", Set.of()));

        reads.opened(CART, DEPLOYED_BEFORE);
        reads.opened(SEARCH, null);

        assertThat(reads.otherTargetsNotRecentlyDeployed(CHECKOUT)).isZero();
    }

    @Test
    void coversOnlyTargetsWhoseReleaseAndEnvironmentWereRead() {
        GuardReads reads = new GuardReads(Map.of(CHECKOUT, UNREADABLE, STAGING_CART, UNREADABLE), Map.of(),
                Map.of("production", Set.of()), DEPLOYED_BEFORE);

        assertThat(reads.covers(CHECKOUT)).isTrue();
        assertThat(reads.covers(CART)).isFalse();
        assertThat(reads.covers(STAGING_CART)).isFalse();
    }

    @Test
    void includingLaterReadsKeepsWhatWasAlreadyReadAndWhatTheBatchOpened() {
        PastRollback earlier = new PastRollback(7, DEPLOYED_BEFORE);
        GuardReads reads = new GuardReads(Map.of(CHECKOUT, UNREADABLE), Map.of(CHECKOUT.toString(), List.of(earlier)),
                Map.of("production", Set.of()), DEPLOYED_BEFORE);
        reads.opened(CHECKOUT, DEPLOYED_BEFORE.minusSeconds(60));
        ReleaseLookup cartRelease = new ReleaseLookup.Refused(DeclineReason.BLOCKED_VERSION, "blocked");

        reads.include(new GuardReads(Map.of(CART, cartRelease, CHECKOUT, cartRelease), Map.of(),
                Map.of("production", Set.of(SEARCH.toString())), DEPLOYED_BEFORE));

        assertThat(reads.covers(CART)).isTrue();
        assertThat(reads.release(CART)).isEqualTo(cartRelease);
        assertThat(reads.release(CHECKOUT)).isEqualTo(UNREADABLE);
        assertThat(reads.rollbacks(CHECKOUT)).containsExactly(earlier);
        assertThat(reads.rollbacks(CART)).isEmpty();
        assertThat(reads.otherTargetsNotRecentlyDeployed(CART)).isEqualTo(2);
    }

    private static GuardReads reads(Map<String, Set<String>> notRecentlyDeployed) {
        return new GuardReads(Map.of(), Map.of(), notRecentlyDeployed, DEPLOYED_BEFORE);
    }
}
