package dev.rewind.notifier.jira;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.domain.IncidentContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The follow-up ticket of a successful rollback (runbook: "Create Jira tickets for fixes"): what happened, and the
 * follow-up items (root cause, fix and tests, the post-mortem within the runbook's time), as Jira's create-issue
 * body. Pure: no I/O.
 */
public final class FollowUpTicket {

    /** The one delivery per incident on this channel. */
    public static final String NOTIFICATION = "follow-up-ticket";

    /** The timeline's words; the ticket's key is only known once Jira answers. */
    static final String SUMMARY = "Follow-up ticket opened in Jira";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * What every ticket shares.
     *
     * @param labels added to {@code rewind}, {@code rollback} and the environment
     * @param environments the environments whose rollbacks get a ticket; empty for all
     */
    public record Settings(String project, String issueType, List<String> labels, Set<String> environments,
                           Duration postMortemWithin) {

        public Settings {
            labels = List.copyOf(labels);
            environments = Set.copyOf(environments);
        }
    }

    private final Settings settings;

    public FollowUpTicket(Settings settings) {
        this.settings = settings;
    }

    /** The ticket to open about {@code notice}: only after a successful rollback in a chosen environment. */
    public Optional<Outgoing> plan(Notice notice) {
        if (!(notice.event() instanceof RollbackSucceeded succeeded)) {
            return Optional.empty();
        }
        TargetKey target = notice.incident().target();
        if (!settings.environments().isEmpty() && !settings.environments().contains(target.environment())) {
            return Optional.empty();
        }
        ObjectNode issue = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = issue.putObject("fields");
        fields.putObject("project").put("key", settings.project());
        fields.putObject("issuetype").put("name", settings.issueType());
        fields.put("summary", summary(notice.incident()));
        fields.set("description", description(notice.incident(), succeeded).toJson());
        labels(target).forEach(fields.putArray("labels")::add);
        return Optional.of(new Outgoing(NOTIFICATION, SUMMARY, issue.toString()));
    }

    static String summary(IncidentContext incident) {
        TargetKey target = incident.target();
        return "Follow up the rollback of " + target.service() + " in " + target.environment()
                + (incident.incidentNumber() == null ? "" : " (INCIDENT-" + incident.incidentNumber() + ")");
    }

    private AtlassianDocument description(IncidentContext incident, RollbackSucceeded succeeded) {
        TargetKey target = incident.target();
        String faulty = orElse(incident.fromVersion(), "an unknown version");
        String good = orElse(incident.toVersion(), "an unknown version");
        Instant due = succeeded.occurredAt().plus(settings.postMortemWithin());
        return new AtlassianDocument()
                .paragraph("Rewind rolled " + target.service() + " (namespace " + target.namespace() + ") in "
                        + target.environment() + " back from " + faulty + " to " + good
                        + " at " + WHEN.format(succeeded.occurredAt()) + "; the rollout and its verification passed.")
                .field("Incident", incident.incidentNumber() == null ? "unknown"
                        : "INCIDENT-" + incident.incidentNumber()
                        + (incident.severity() == null ? "" : " (" + incident.severity() + ")"))
                .field("Reason", orElse(incident.reason(), "unknown"))
                .field("Triggered by", orElse(incident.triggeredBy(), "unknown"))
                .field("Rolled back with", method(succeeded.method()))
                .heading(3, "Follow-up")
                .bullets(List.of(
                        "Root cause analysis: find and document why " + faulty + " failed.",
                        "Fix and tests: fix the fault and add tests that would have caught it before release.",
                        "Post-mortem: complete it by " + WHEN.format(due) + " (within "
                                + describe(settings.postMortemWithin()) + " of the rollback), with prevention "
                                + "measures and any monitoring gaps."));
    }

    private Set<String> labels(TargetKey target) {
        Set<String> labels = new LinkedHashSet<>(List.of("rewind", "rollback", target.environment()));
        for (String label : settings.labels()) {
            if (!label.isBlank()) {
                labels.add(label.trim().replaceAll("\\s+", "-")); // Jira refuses a label with a space
            }
        }
        return labels;
    }

    private static String method(RollbackMethod method) {
        return switch (method) {
            case PIPELINE -> "the CI's rollback pipeline";
            case HELM -> "helm rollback";
            case KUBECTL -> "kubectl rollout undo";
            case REDEPLOY -> "re-deploy of the last good version";
            case GITOPS -> "the last good images pinned in Git (pull or merge request), synced by Argo CD or Flux";
        };
    }

    /** {@code 24 hours}, {@code 90 minutes}: how the runbook says a time. */
    static String describe(Duration duration) {
        if (duration.toMinutes() % 60 == 0) {
            long hours = duration.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = duration.toMinutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    private static String orElse(String value, String unknown) {
        return value == null || value.isBlank() ? unknown : value;
    }
}
