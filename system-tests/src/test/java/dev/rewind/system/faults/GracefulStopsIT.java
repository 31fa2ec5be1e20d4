package dev.rewind.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.system.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A rolling update of all of Rewind: each service in turn is stopped gracefully (SIGTERM, as Kubernetes stops a pod)
 * and started again under its name while a wave of alerts is in flight through it (the executor's while it follows
 * held rollouts). Every incident is closed, rolled back once, announced once per step, nothing is dead-lettered.
 */
@EnabledIfSystemProperty(named = FaultSize.PROPERTY, matches = "ci|full")
class GracefulStopsIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void everyServiceStoppedGracefullyUnderLoadLosesNothingAndDoesNothingTwice() throws Exception {
        FaultLab lab = FaultLab.shared();
        Outcomes outcomes = new Outcomes(lab);
        int perService = Math.max(1, FaultSize.current().loadIncidents / FaultLab.SERVICES.size());
        List<TargetKey> targets = new ArrayList<>();
        List<String> stops = new ArrayList<>();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        List<AutoCloseable> heldRollouts = new ArrayList<>();
        String injected = "SIGTERM + restart of each of the 5 services in turn, "
                + perService * FaultLab.SERVICES.size()
                + " incidents in flight (the executor's mid-rollout)";
        String checked = "each incident closed, 1 applied patch, 1 outcome, no duplicate Slack message, no DLQ";
        try {
            for (String service : FaultLab.SERVICES) {
                List<TargetKey> wave = new ArrayList<>();
                for (int i = 0; i < perService; i++) {
                    wave.add(lab.deploy("stop-" + service.replace("-service", "")));
                }
                targets.addAll(wave);
                if (service.equals("executor-service")) {
                    // Pods slow to start: the executor is stopped while it follows these rollbacks' rollouts.
                    for (TargetKey target : wave) {
                        heldRollouts.add(lab.sandbox().controller().holdRollouts(target.namespace(), target.service()));
                    }
                }
                AtomicInteger accepted = new AtomicInteger();
                Future<?> sending = sender.submit(() -> wave.forEach(target -> {
                    lab.postAlertUntilAccepted(target);
                    accepted.incrementAndGet();
                }));
                if (service.equals("executor-service")) {
                    await().atMost(PATIENCE).until(() -> outcomes.appliedPatches(wave.get(0)) == 1);
                } else {
                    await().atMost(PATIENCE).until(() -> accepted.get() >= 1);
                }
                String name = FaultLab.instanceName(service, 1);
                long stopping = System.nanoTime();
                lab.terminate(name);
                stops.add(String.format("%s %.1f s", service.replace("-service", ""),
                        (System.nanoTime() - stopping) / 1e9));
                FaultLab.awaitReady(List.of(lab.startAgain(name)));
                sending.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                for (AutoCloseable hold : heldRollouts) {
                    hold.close();
                }
                heldRollouts.clear();
            }

            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(targets
                    .stream().filter(target -> !outcomes.allClosed(List.of(target)))
                    .collect(Collectors.toMap(target -> target, outcomes::incidentStatuses)))
                    .as("targets without exactly one closed incident, with their incidents' statuses").isEmpty());
            // Both of each rollback's Slack messages (initiated, completed): none lost to a stop.
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> targets.stream()
                    .allMatch(target -> outcomes.slackMessagesAbout(target).size() >= 2));
            for (TargetKey target : targets) {
                assertThat(outcomes.incidentStatuses(target)).as("incidents about %s", target)
                        .containsExactly("ROLLED_BACK");
                assertThat(outcomes.executionStates(target)).as("executions of %s", target).hasSize(1);
                assertThat(outcomes.appliedPatches(target)).as("rollback patches applied to %s", target).isEqualTo(1);
                assertThat(outcomes.outcomeEvents(target)).as("outcome events about %s", target).hasSize(1);
                assertThat(SlackHeaders.of(outcomes.slackMessagesAbout(target))).as("Slack messages about %s", target)
                        .doesNotHaveDuplicates();
            }
            assertThat(outcomes.deadLettersAbout(targets)).as("dead letters about these targets").isEmpty();
        } catch (Throwable failure) {
            FaultReport.failed("graceful stops", injected, checked, failure);
            throw failure;
        } finally {
            sender.shutdownNow();
            for (AutoCloseable hold : heldRollouts) {
                hold.close();
            }
            restoreFirstInstances(lab);
        }
        FaultReport.record("graceful stops", injected, checked, targets.size() + "/" + targets.size()
                + " rolled back once; the stops took " + String.join(", ", stops));
    }

    /** Leaves the laboratory with {@code <service>-1} of every service running and ready, whatever happened. */
    static void restoreFirstInstances(FaultLab lab) {
        List<ServiceProcess> first = new ArrayList<>();
        for (String service : FaultLab.SERVICES) {
            ServiceProcess process = lab.instance(service);
            first.add(process.alive() ? process : lab.startAgain(process.instance()));
        }
        FaultLab.awaitReady(first);
    }
}
