package dev.rewind.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * One alert delivered {@link FaultSize#duplicateDeliveries} times by two webhook senders at once (two Alertmanager
 * replicas of a high-availability pair, each retrying), then a few times more after the rollback, as Alertmanager's
 * repeat interval does: one incident, one execution, one patch, one outcome.
 */
@EnabledIfSystemProperty(named = FaultSize.PROPERTY, matches = "ci|full")
class DuplicateDeliveriesIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int SENDERS = 2;
    private static final int REPEATS_AFTER_ROLLBACK = 10;

    @Test
    void oneAlertDeliveredManyTimesFromTwoSendersIsOneIncidentAndOneRollback() throws Exception {
        FaultLab lab = FaultLab.shared();
        Outcomes outcomes = new Outcomes(lab);
        int deliveries = FaultSize.current().duplicateDeliveries;
        TargetKey target = lab.deploy("dup");
        String alert = FaultLab.alertBody(target);

        Map<Integer, Integer> statuses = deliverConcurrently(lab, alert, deliveries);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> outcomes.allClosed(List.of(target)));
        // Alertmanager keeps repeating a firing alert after the rollback: still the same incident.
        deliverConcurrently(lab, alert, REPEATS_AFTER_ROLLBACK).forEach((status, n) -> statuses.merge(status, n,
                Integer::sum));
        int accepted = statuses.getOrDefault(202, 0);
        assertThat(statuses).as("HTTP statuses of %d deliveries", deliveries + REPEATS_AFTER_ROLLBACK)
                .containsOnlyKeys(202);
        ConsumedUpTo.awaitRecords(lab, Topics.ALERTS.name(), target, accepted, "detector-service");

        assertThat(outcomes.incidentStatuses(target)).containsExactly("ROLLED_BACK");
        assertThat(outcomes.executionStates(target)).hasSize(1);
        assertThat(outcomes.patches(target)).isEqualTo(1);
        assertThat(outcomes.appliedPatches(target)).isEqualTo(1);
        assertThat(outcomes.outcomeEvents(target)).hasSize(1);
        assertThat(outcomes.deadLettersAbout(List.of(target))).isEmpty();

        FaultReport.record("duplicate deliveries", accepted + " deliveries of one alert from " + SENDERS
                        + " senders at once (" + REPEATS_AFTER_ROLLBACK + " after the rollback)",
                "incidents, executions, patches, outcomes; DLQ", "1 incident ROLLED_BACK, 1 execution, 1 patch, "
                        + "1 outcome, nothing dead-lettered");
    }

    /** Posts {@code alert} {@code deliveries} times from {@link #SENDERS} threads released together; statuses. */
    private static Map<Integer, Integer> deliverConcurrently(FaultLab lab, String alert, int deliveries)
            throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger remaining = new AtomicInteger(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                running.add(senders.submit(() -> {
                    start.await();
                    while (remaining.getAndDecrement() > 0) {
                        statuses.merge(lab.postAlert(alert), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sender : running) {
                sender.get(5, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }
        return statuses;
    }
}
