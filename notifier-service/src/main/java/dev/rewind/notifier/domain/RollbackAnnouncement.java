package dev.rewind.notifier.domain;

import dev.rewind.events.RollbackMethod;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import java.util.List;

/**
 * The runbook's "ROLLBACK INITIATED" Slack template for a rollback that starts, and the same facts when it succeeds,
 * rolls out unverified or fails (with the executor's diagnosis).
 */
public final class RollbackAnnouncement {

    /** Where a rollback stands, as the message's Status field says it. */
    public static final String IN_PROGRESS = "In Progress";
    public static final String COMPLETED = "Completed";
    public static final String UNVERIFIED = "Rolled out, verification failed";
    public static final String FAILED = "Failed";

    /** Room left in a section for the diagnosis lines, below Slack's 3,000 characters. */
    static final int MAX_DIAGNOSIS = 2800;

    private RollbackAnnouncement() {
    }

    public static SlackMessage started(IncidentContext incident, RollbackStarted started, MessageSettings settings) {
        return facts("🚨", "ROLLBACK INITIATED", incident, IN_PROGRESS)
                .trusted("ETA", SlackMessage.escape(settings.eta()))
                .actionTaken("Triggered the rollback: " + method(started.method())
                        + revisions(started.fromRevision(), started.toRevision()))
                .nextStep("Verify health checks")
                .nextStep("Monitor error rates")
                .nextStep("Update stakeholders")
                .render(settings);
    }

    public static SlackMessage succeeded(IncidentContext incident, RollbackSucceeded succeeded,
                                         MessageSettings settings) {
        return facts("✅", "ROLLBACK COMPLETED", incident, COMPLETED)
                .actionTaken("Rolled back: " + method(succeeded.method())
                        + (RunbookMessage.known(succeeded.message()) ? " (" + SlackMessage.escape(succeeded.message())
                        + ")" : ""))
                .actionTaken("Rollout finished and its verification passed")
                .nextStep("Check error rates are back to baseline and the dashboards are green")
                .nextStep("Update the status page and the stakeholders")
                .nextStep("Tag the faulty release" + version(incident.fromVersion())
                        + " in Git and block it from deployment")
                .nextStep("Write the preliminary root cause; complete the post-mortem within 24 hours")
                .render(settings);
    }

    public static SlackMessage unverified(IncidentContext incident, RollbackUnverified unverified,
                                          MessageSettings settings) {
        return facts("⚠️", "ROLLBACK NOT VERIFIED", incident, UNVERIFIED)
                .row("Verification", unverified.reason())
                .actionTaken("Rolled back: " + method(unverified.method()) + "; the rollout finished")
                .actionTaken("Verification did not pass: the service is not known to have recovered")
                .nextStep("Look at the failing checks and the dashboards now")
                .nextStep("Run the runbook's verification steps by hand (health endpoint, pods, recent events)")
                .nextStep("Escalate to the DevOps team if the service does not recover")
                .render(settings);
    }

    public static SlackMessage failed(IncidentContext incident, RollbackFailed failed, MessageSettings settings) {
        RunbookMessage message = facts("❌", "ROLLBACK FAILED", incident, FAILED).row("Failure", failed.reason());
        if (!failed.diagnosis().isEmpty()) {
            message.section(diagnosis(failed.diagnosis()));
        }
        String deployment = "deployment/" + incident.target().service() + " -n " + incident.target().namespace();
        return message
                .actionTaken("Tried to roll back: " + method(failed.method()))
                .nextStep("Follow the runbook's \"Troubleshooting Failed Rollbacks\": `kubectl rollout status "
                        + SlackMessage.escape(deployment) + "`, pods, events, volume claims, ingress")
                .nextStep("If it cannot be fixed quickly, re-deploy the last known good version"
                        + version(incident.toVersion()) + " by hand (runbook method 3)")
                .nextStep("Escalate to the DevOps team")
                .render(settings);
    }

    /** The executor's diagnosis, most important first, cut to what a section holds with a count of the rest. */
    static String diagnosis(List<String> lines) {
        StringBuilder text = new StringBuilder("*Diagnosis*:");
        for (int i = 0; i < lines.size(); i++) {
            String line = "\n• " + SlackMessage.escape(lines.get(i));
            int left = lines.size() - i;
            if (text.length() + line.length() > MAX_DIAGNOSIS) {
                return text + "\n… and " + left + " more line" + (left == 1 ? "" : "s")
                        + " in the rollback's failure event (post-mortem timeline)";
            }
            text.append(line);
        }
        return text.toString();
    }

    private static RunbookMessage facts(String icon, String words, IncidentContext incident, String status) {
        return RunbookMessage.headed(icon, incident, words).environmentAndService().versions().triggeredBy()
                .reason().trusted("Status", status);
    }

    static String method(RollbackMethod method) {
        return switch (method) {
            case PIPELINE -> "the rollback pipeline";
            case HELM -> "helm rollback";
            case KUBECTL -> "kubectl rollout undo";
            case REDEPLOY -> "re-deploy of the last known good version";
            case GITOPS -> "the last good images pinned in Git, synced by Argo CD or Flux";
        };
    }

    private static String revisions(Long from, Long to) {
        if (from == null && to == null) {
            return "";
        }
        return " (revision " + (from == null ? "?" : from) + " → " + (to == null ? "previous" : to) + ")";
    }

    private static String version(String version) {
        return RunbookMessage.known(version) ? " " + SlackMessage.escape(version) : "";
    }
}
