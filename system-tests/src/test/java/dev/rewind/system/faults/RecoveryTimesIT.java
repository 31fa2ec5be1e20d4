package dev.rewind.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.system.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures, for each service, the time from its restart after a SIGKILL to processing again: the service is killed,
 * work for it is queued while it is down (an alert whose rollback needs it), it is started again, and the clock stops
 * when that work's effect is seen. Reported in the summary, not asserted (no timing assertions); what is asserted is
 * that the work is done at all.
 */
@EnabledIfSystemProperty(named = FaultSize.PROPERTY, matches = "ci|full")
class RecoveryTimesIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final FaultLab lab = FaultLab.shared();
    private final Outcomes outcomes = new Outcomes(lab);

    @Test
    void eachServiceKilledAndRestartedProcessesWhatQueuedForIt() {
        measure("detector-service", "incident opened (postmortem record)",
                target -> !outcomes.incidentStatuses(target).isEmpty());
        measure("approval-service", "rollback command consumed (executor execution)",
                target -> !outcomes.executionStates(target).isEmpty());
        measure("executor-service", "rollback patch applied (sandbox)", target -> outcomes.appliedPatches(target) == 1);
        measure("notifier-service", "Slack message delivered (stand-in)",
                target -> !outcomes.slackMessagesAbout(target).isEmpty());
        measure("postmortem-service", "incident recorded (postmortem record)",
                target -> !outcomes.incidentStatuses(target).isEmpty());
        lab.awaitAllReady();
    }

    /**
     * Kills {@code service}, queues an alert whose rollback needs it (the detector's own webhook cannot take one while
     * it is down: its alert is posted as soon as it answers), starts it again and times it to {@code processed}.
     */
    private void measure(String service, String measuredTo, Predicate<TargetKey> processed) {
        lab.awaitAllReady();
        TargetKey target = lab.deploy("recovery");
        String instance = FaultLab.instanceName(service, 1);
        lab.kill(instance);
        boolean webhookDown = service.equals("detector-service");
        if (!webhookDown) {
            lab.postAlertUntilAccepted(target);
        }
        long restarted = System.nanoTime();
        ServiceProcess again = lab.startAgain(instance);
        if (webhookDown) {
            lab.postAlertUntilAccepted(target);
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> processed.test(target));
        double processing = (System.nanoTime() - restarted) / 1e9;
        FaultLab.awaitReady(List.of(again));
        if (!lab.anonymous()) {
            // The mechanism, not the time: the restarted instance is back in its group as the same static member(s).
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(outcomes.staticMembers(service)).as("static members of group %s", service)
                            .anyMatch(member -> member.startsWith(instance + ".")));
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> outcomes.allClosed(List.of(target)));
        FaultReport.recovery(service, "SIGKILL, restarted at once" + (lab.anonymous() ? " (anonymous members)" : ""),
                processing, measuredTo);
    }
}
