package dev.rewind.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.system.ServiceProcess;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * SIGKILL of the executor at each step of a rollback: four rollbacks are stopped each at one step by the sandbox
 * (command consumed, plan committed, patch applied but its answer lost, rollout being followed), the executor is
 * killed and started again under its name. Each rollback is finished exactly once: one applied patch, one start, one
 * "patched" step, one outcome, its incident ROLLED_BACK.
 */
@EnabledIfSystemProperty(named = FaultSize.PROPERTY, matches = "ci|full")
class ExecutorCrashPointsIT {

    private static final String EXECUTOR = FaultLab.instanceName("executor-service", 1);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** Where a rollback is when the executor dies, how the sandbox stops it there, and how to tell it got there. */
    enum CrashPoint {
        /**
         * Execution ACCEPTED, nothing planned: the Deployment's controller has not observed its latest generation
         * (a scale), which the executor waits for before planning (for at most its observe-timeout, 30 s).
         */
        COMMAND_CONSUMED("command consumed") {
            @Override
            AutoCloseable obstruct(KubernetesSandbox sandbox, TargetKey target) {
                AutoCloseable lagging = sandbox.controller().stopObserving(target.namespace(), target.service());
                sandbox.client().apps().deployments().inNamespace(target.namespace()).withName(target.service())
                        .edit(d -> {
                            d.getSpec().setReplicas(3);
                            return d;
                        });
                return lagging;
            }

            @Override
            boolean reached(Outcomes outcomes, TargetKey target) {
                return execution(outcomes, target, "state = 'ACCEPTED' AND plan IS NULL");
            }
        },
        /** Plan committed (RUNNING), patch being sent: the API server refuses the Deployment's writes (503). */
        PLAN_COMMITTED("plan committed") {
            @Override
            AutoCloseable obstruct(KubernetesSandbox sandbox, TargetKey target) {
                return sandbox.failDeploymentWrites(target.namespace(), target.service(), 503, Integer.MAX_VALUE);
            }

            @Override
            boolean reached(Outcomes outcomes, TargetKey target) {
                return execution(outcomes, target, "state = 'RUNNING' AND plan IS NOT NULL "
                        + "AND patch_sent_at IS NOT NULL AND patched_at IS NULL");
            }
        },
        /** The API server applied the patch; its answer never reaches the executor, which has not recorded it. */
        PATCH_APPLIED_UNANSWERED("patch applied, answer lost") {
            @Override
            AutoCloseable obstruct(KubernetesSandbox sandbox, TargetKey target) {
                return sandbox.withholdRollbackPatchAnswers(target.namespace(), target.service());
            }

            @Override
            boolean reached(Outcomes outcomes, TargetKey target) {
                return outcomes.appliedPatches(target) == 1
                        && execution(outcomes, target, "state = 'RUNNING' AND patched_at IS NULL");
            }
        },
        /** Patch applied and announced; the executor follows a rollout that does not progress (pods slow). */
        FOLLOWING_ROLLOUT("rollout followed") {
            @Override
            AutoCloseable obstruct(KubernetesSandbox sandbox, TargetKey target) {
                return sandbox.controller().holdRollouts(target.namespace(), target.service());
            }

            @Override
            boolean reached(Outcomes outcomes, TargetKey target) {
                return execution(outcomes, target, "state = 'RUNNING' AND patched_at IS NOT NULL");
            }
        };

        final String label;

        CrashPoint(String label) {
            this.label = label;
        }

        /** Stops {@code target}'s coming rollback at this point; closing the handle lets it go on. */
        abstract AutoCloseable obstruct(KubernetesSandbox sandbox, TargetKey target);

        /** True once the executor holds {@code target}'s execution at this point. */
        abstract boolean reached(Outcomes outcomes, TargetKey target);

        private static boolean execution(Outcomes outcomes, TargetKey target, String condition) {
            // The lease's owner is the instance's name and its run: <instance>/<run>.
            return outcomes.query("SELECT count(*) FROM executor.execution WHERE target = ? AND starts_with(lease_owner, '"
                    + EXECUTOR + "/') AND " + condition, target.toString(), rows -> rows.next() && rows.getLong(1) == 1);
        }
    }

    @Test
    void aRollbackKilledAtAnyStepIsFinishedOnceAfterTheRestart() throws Exception {
        FaultLab lab = FaultLab.shared();
        Outcomes outcomes = new Outcomes(lab);
        int rounds = FaultSize.current() == FaultSize.FULL ? 3 : 1;
        List<Map<CrashPoint, TargetKey>> killed = new ArrayList<>();
        List<String> recoveries = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                Map<CrashPoint, TargetKey> targets = new EnumMap<>(CrashPoint.class);
                killed.add(targets);
                recoveries.add(String.format("%.0f s", killAtEveryPoint(lab, outcomes, targets)));
            }
            for (Map<CrashPoint, TargetKey> targets : killed) {
                targets.forEach((point, target) -> assertFinishedOnce(outcomes, point, target));
                assertThat(outcomes.deadLettersAbout(targets.values())).as("dead letters about these targets")
                        .isEmpty();
            }
        } catch (AssertionError | RuntimeException e) {
            FaultReport.failed("executor crash points", injected(rounds), checked(), e);
            throw e;
        }
        FaultReport.record("executor crash points", injected(rounds), checked(), (rounds * 4) + "/" + (rounds * 4)
                + " rolled back once; restart to all closed " + String.join(", ", recoveries));
    }

    /**
     * One round: a rollback stopped at each point, one SIGKILL, a restart; returns the seconds from the restart to
     * every incident closed.
     */
    private static double killAtEveryPoint(FaultLab lab, Outcomes outcomes, Map<CrashPoint, TargetKey> targets)
            throws Exception {
        Map<CrashPoint, AutoCloseable> obstacles = new EnumMap<>(CrashPoint.class);
        try {
            // The command-consumed rollback last: it may wait for its controller only 30 s before it gives up.
            for (CrashPoint point : List.of(CrashPoint.PLAN_COMMITTED, CrashPoint.PATCH_APPLIED_UNANSWERED,
                    CrashPoint.FOLLOWING_ROLLOUT, CrashPoint.COMMAND_CONSUMED)) {
                TargetKey target = lab.deploy("crash-" + point.name().toLowerCase().replace('_', '-'));
                targets.put(point, target);
                obstacles.put(point, point.obstruct(lab.sandbox(), target));
                lab.postAlertUntilAccepted(target);
                await("rollback of " + target + " at '" + point.label + "'").atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(50)).until(() -> point.reached(outcomes, target));
            }

            lab.kill(EXECUTOR);
            TargetKey following = targets.get(CrashPoint.FOLLOWING_ROLLOUT);
            Timestamp leaseOfTheDead = leaseExpiry(outcomes, following);
            // Before the restart, the cluster recovers; the held rollout only once the restarted executor follows it.
            for (CrashPoint point : List.of(CrashPoint.COMMAND_CONSUMED, CrashPoint.PLAN_COMMITTED,
                    CrashPoint.PATCH_APPLIED_UNANSWERED)) {
                obstacles.remove(point).close();
            }
            long restarted = System.nanoTime();
            FaultLab.awaitReady(List.of(lab.startAgain(EXECUTOR)));
            await("the restarted executor takes the held rollout's lease again").atMost(PATIENCE)
                    .until(() -> leaseExpiry(outcomes, following).after(leaseOfTheDead));
            obstacles.remove(CrashPoint.FOLLOWING_ROLLOUT).close();
            await("every incident closed").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> outcomes.allClosed(targets.values()));
            return (System.nanoTime() - restarted) / 1e9;
        } finally {
            for (AutoCloseable obstacle : obstacles.values()) {
                obstacle.close();
            }
            ServiceProcess executor = lab.instanceNamed(EXECUTOR);
            FaultLab.awaitReady(List.of(executor.alive() ? executor : lab.startAgain(EXECUTOR)));
        }
    }

    private static void assertFinishedOnce(Outcomes outcomes, CrashPoint point, TargetKey target) {
        String at = "killed at '" + point.label + "': " + target;
        assertThat(outcomes.incidentStatuses(target)).as("incidents, %s", at).containsExactly("ROLLED_BACK");
        assertThat(outcomes.executionStates(target)).as("executions, %s", at).containsExactly("SUCCEEDED");
        // An unanswered patch may be sent once more before the kill (the client timed out after 10 s): the retry's
        // compare-and-set is refused with a 409 and changes nothing. Applied patches are what must be exactly one.
        assertThat(outcomes.patches(target)).as("rollback patches received, whatever the answer, %s", at)
                .isBetween(1, point == CrashPoint.PATCH_APPLIED_UNANSWERED ? 2 : 1);
        assertThat(outcomes.appliedPatches(target)).as("rollback patches applied, %s", at).isEqualTo(1);
        await("the outcome of " + target + " on the incident-events topic").atMost(PATIENCE)
                .until(() -> !outcomes.outcomeEvents(target).isEmpty());
        assertThat(outcomes.outcomeEvents(target)).as("outcome events, %s", at).hasSize(1);
        assertThat(published(outcomes, target, Topic.typeOf(RollbackStarted.class), "")).as("starts, %s", at)
                .isEqualTo(1);
        assertThat(published(outcomes, target, Topic.typeOf(RollbackStepCompleted.class),
                "AND payload LIKE '%\"step\":\"patched\"%'")).as("'patched' steps, %s", at).isEqualTo(1);
    }

    /** When the lease of {@code target}'s execution expires (the database's clock); a claim moves it on. */
    private static Timestamp leaseExpiry(Outcomes outcomes, TargetKey target) {
        return outcomes.query("SELECT lease_expires_at FROM executor.execution WHERE target = ?", target.toString(),
                rows -> rows.next() ? rows.getTimestamp(1) : null);
    }

    /** How many events of {@code type} about {@code target} the executor recorded in its outbox. */
    private static long published(Outcomes outcomes, TargetKey target, String type, String condition) {
        return outcomes.query("SELECT count(*) FROM executor.outbox_event WHERE record_key = ? AND event_type = '"
                + type + "' " + condition, target.toString(), rows -> rows.next() ? rows.getLong(1) : 0);
    }

    private static String injected(int rounds) {
        return "SIGKILL + restart of the executor with 4 rollbacks stopped (command consumed; plan committed, writes "
                + "refused; patch applied, answer lost; rollout held)" + (rounds > 1 ? ", " + rounds + " times" : "");
    }

    private static String checked() {
        return "per rollback: incident ROLLED_BACK, 1 patch (applied), 1 start, 1 'patched' step, 1 outcome, no DLQ";
    }
}
