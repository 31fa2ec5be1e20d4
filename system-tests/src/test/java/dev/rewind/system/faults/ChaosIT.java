package dev.rewind.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Incidents on distinct targets, auto-approved, while a chaos loop kills a random service (SIGKILL) at random moments
 * and restarts it as a kubelet would, and restarts the broker once and PostgreSQL once: every accepted alert becomes
 * one incident that closes, each Deployment is rolled back exactly once, every rollback has one outcome, no Slack
 * message is delivered twice and nothing about these incidents sits in a dead-letter topic.
 */
@EnabledIfSystemProperty(named = FaultSize.PROPERTY, matches = "ci|full")
class ChaosIT {

    private static final Duration PATIENCE = Duration.ofMinutes(6);

    private final FaultLab lab = FaultLab.shared();
    private final Outcomes outcomes = new Outcomes(lab);

    @Test
    void everyAcceptedAlertEndsInOneRollbackThroughKillsAndABrokerAndADatabaseRestart() {
        FaultSize size = FaultSize.current();
        long seed = seed();
        int revivalsBefore = lab.revivals().size();
        Random random = new Random(seed);
        List<TargetKey> targets = new ArrayList<>();
        for (int i = 0; i < size.chaosIncidents; i++) {
            targets.add(lab.deploy("chaos"));
        }
        List<Fault> faults = plan(size.chaosKills, random);
        AtomicInteger faultsDone = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<Void> chaos = CompletableFuture.runAsync(() -> {
            for (Fault fault : faults) {
                pause(500 + random.nextInt(2500)); // the chaos schedule: a fault at a random moment
                lab.reviveExited();
                fault.apply(lab);
                faultsDone.incrementAndGet();
            }
        });
        try {
            // Alerts are spread over the chaos: alert i waits for its share of the faults to have happened. Each is
            // posted until the detector accepts it (a 202), as Alertmanager retries a webhook that failed.
            for (int i = 0; i < targets.size(); i++) {
                int due = i * faults.size() / targets.size();
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                        .until(() -> faultsDone.get() >= due || chaos.isDone());
                attempts.addAndGet(lab.postAlertUntilAccepted(targets.get(i)));
            }
            chaos.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the chaos loop failed: " + e.getMessage(), e);
        } finally {
            chaos.join();
            lab.awaitAllReady();
        }

        List<String> revived = lab.revivals().subList(revivalsBefore, lab.revivals().size());
        String injected = describe(faults) + " (seed " + seed + ")" + (revived.isEmpty() ? ""
                : "; exited while starting and started again: " + revived);
        String checked = targets.size() + " alerts accepted (" + attempts.get() + " posts); each incident closed, "
                + "1 patch, 1 outcome; no Slack duplicate; no DLQ record";
        Map<String, Long> statuses;
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> outcomes.allClosed(targets));
            statuses = targets.stream().map(t -> outcomes.incidentStatuses(t).get(0))
                    .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
            for (TargetKey target : targets) {
                assertThat(outcomes.incidentStatuses(target)).as("incidents of %s", target)
                        .containsExactly("ROLLED_BACK");
                assertThat(outcomes.executionStates(target)).as("executions of %s", target)
                        .containsExactly("SUCCEEDED");
                assertThat(outcomes.appliedPatches(target)).as("rollback patches applied to %s", target).isOne();
                assertThat(outcomes.outcomeEvents(target)).as("outcome events of %s", target).hasSize(1);
            }
            assertThat(duplicatesAbout(targets)).as("Slack messages delivered twice").isEmpty();
            assertThat(outcomes.deadLettersAbout(targets)).as("dead-lettered records about these incidents").isEmpty();
        } catch (AssertionError | RuntimeException failure) {
            FaultReport.failed("chaos", injected, checked, failure);
            throw failure;
        }
        FaultReport.record("chaos", injected, checked, "pass: " + statuses);
    }

    /** The faults, in order: SIGKILLs of random services, the broker's restart a third in, PostgreSQL's two thirds. */
    private static List<Fault> plan(int kills, Random random) {
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            faults.add(new Kill(FaultLab.SERVICES.get(random.nextInt(FaultLab.SERVICES.size()))));
        }
        faults.add(kills / 3, new BrokerRestart());
        faults.add(2 * faults.size() / 3, new DatabaseRestart());
        return Collections.unmodifiableList(faults);
    }

    private static String describe(List<Fault> faults) {
        Map<String, Long> kills = faults.stream().filter(f -> f instanceof Kill).map(f -> ((Kill) f).service()
                .replace("-service", "")).collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        return faults.stream().filter(f -> f instanceof Kill).count() + " SIGKILLs " + kills
                + ", 1 broker restart, 1 PostgreSQL restart";
    }

    private Map<String, Long> duplicatesAbout(List<TargetKey> targets) {
        return outcomes.slackDuplicates().entrySet().stream()
                .filter(e -> targets.stream().anyMatch(t -> e.getKey().contains(t.service())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long seed() {
        String given = System.getProperty("rewind.faults.seed", "");
        return given.isBlank() ? System.nanoTime() : Long.parseLong(given.strip());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One fault the chaos loop injects. */
    private sealed interface Fault permits Kill, BrokerRestart, DatabaseRestart {
        void apply(FaultLab lab);
    }

    /** SIGKILL of a service's instance, then a start again as a kubelet restarts a crashed container. */
    private record Kill(String service) implements Fault {
        @Override
        public void apply(FaultLab lab) {
            String instance = FaultLab.instanceName(service, 1);
            lab.kill(instance);
            lab.startAgain(instance);
        }
    }

    private record BrokerRestart() implements Fault {
        @Override
        public void apply(FaultLab lab) {
            lab.restartBroker();
        }
    }

    private record DatabaseRestart() implements Fault {
        @Override
        public void apply(FaultLab lab) {
            lab.restartDatabase();
        }
    }
}
