package dev.rewind.executor.verification;

import static dev.rewind.executor.verification.ClusterObjects.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WarningEventsTest {

    private static final Instant STARTED = Instant.parse("2025-03-01T10:00:00Z");
    private static final WarningEvents.Involved CHECKOUT = new WarningEvents.Involved("checkout",
            Set.of("checkout-7d9f8b6c5d"), Set.of("checkout-7d9f8b6c5d-x2x4q"));

    @Test
    void keepsNewWarningsAboutTheDeploymentItsReplicaSetsAndPods() {
        Instant after = STARTED.plusSeconds(20);
        List<Event> events = List.of(
                warning("Deployment", "checkout", "ProgressDeadlineExceeded", after),
                warning("ReplicaSet", "checkout-7d9f8b6c5d", "FailedCreate", after.plusSeconds(1)),
                warning("Pod", "checkout-7d9f8b6c5d-x2x4q", "BackOff", after.plusSeconds(2)),
                warning("Pod", "checkout-7d9f8b6c5d-gone1", "FailedMount", after.plusSeconds(3)));

        assertThat(WarningEvents.since(events, CHECKOUT, STARTED, Set.of())).extracting(Event::getReason)
                .as("newest first; a pod already replaced counts by its ReplicaSet's name")
                .containsExactly("FailedMount", "BackOff", "FailedCreate", "ProgressDeadlineExceeded");
    }

    @Test
    void ignoresOldNormalOtherObjectsAndIgnoredReasons() {
        Instant after = STARTED.plusSeconds(20);
        List<Event> events = List.of(
                warning("Pod", "checkout-7d9f8b6c5d-x2x4q", "BackOff", STARTED.minusSeconds(600)),
                event("shop", "Normal", "Pod", "checkout-7d9f8b6c5d-x2x4q", "Pulled", "pulled", after),
                warning("Pod", "cart-5c6d7e8f9g-abcde", "BackOff", after),
                warning("Deployment", "checkout-admin", "ProgressDeadlineExceeded", after),
                warning("Pod", "checkout-7d9f8b6c5d-x2x4q", "Unhealthy", after));

        assertThat(WarningEvents.since(events, CHECKOUT, STARTED, Set.of("Unhealthy"))).isEmpty();
    }

    @Test
    void anOldEventSeenAgainAfterTheRollbackIsNew() {
        Event recurring = warning("Pod", "checkout-7d9f8b6c5d-x2x4q", "BackOff", STARTED.minusSeconds(600));
        recurring.setLastTimestamp(null);
        recurring.setEventTime(new MicroTime(STARTED.plusSeconds(5).toString()));

        assertThat(WarningEvents.since(List.of(recurring), CHECKOUT, STARTED, Set.of())).hasSize(1);
    }

    @Test
    void describesEachWarningForPeople() {
        Event backOff = warning("Pod", "checkout-7d9f8b6c5d-x2x4q", "BackOff", STARTED.plusSeconds(5));

        CheckResult failed = WarningEvents.judge("shop", "checkout", List.of(backOff), STARTED);
        CheckResult passed = WarningEvents.judge("shop", "checkout", List.of(), STARTED);

        assertThat(failed).isEqualTo(CheckResult.failed("warning-events", "1 warning event about deployment "
                + "shop/checkout since 2025-03-01T10:00:00Z: Pod/checkout-7d9f8b6c5d-x2x4q BackOff: Back-off restarting "
                + "failed container (x3) (kubectl get events -n shop --field-selector type=Warning)"));
        assertThat(passed.passed()).isTrue();
    }

    private static Event warning(String kind, String name, String reason, Instant lastSeen) {
        return event("shop", "Warning", kind, name, reason, "Back-off restarting failed container", lastSeen);
    }
}
