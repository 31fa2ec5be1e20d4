package dev.rewind.postmortem.domain.checklist;

import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The items Rewind does itself, and what in the incident's record shows each done: one rule per item, or none for
 * the items only a person can do. A rule answers when the item was done and the record's evidence for it.
 */
public final class AutoCheck {

    /** Who checks an item automatically. */
    public static final String REWIND = "rewind";

    /** The notification names of the rollback's outcome, and the outcome's event types in records before 0.3. */
    static final Set<String> OUTCOME_NOTIFICATIONS = Set.of("rollback-succeeded", "rollback-unverified",
            "dev.rewind.rollback.succeeded.v1", "dev.rewind.rollback.unverified.v1");

    /** What showed an item done, and when. */
    public record Evidence(Instant at, String note) {
    }

    /**
     * What the record knows about an incident that the rules read.
     *
     * @param alertsResolvedAt when every alert of the incident resolved (its alerts-resolved event); null before
     */
    public record Facts(Incident incident, Instant alertsResolvedAt) {
    }

    private AutoCheck() {
    }

    /** The rule of {@code item}, in words for people; empty for an item only a person checks. */
    public static Optional<String> rule(ChecklistItem item) {
        return Optional.ofNullable(switch (item) {
            case VERIFY_APPLICATION_RESPONDING -> "the rollback's verification passed (a passed verification, or "
                    + "the rollback succeeded, which the executor reports only after its checks passed)";
            case CHECK_ERROR_RATES, VERIFY_DASHBOARDS_GREEN -> "every alert of the incident resolved";
            case UPDATE_STATUS_PAGE -> "the status page was told the rollback's outcome (a delivered statuspage "
                    + "notification rollback-succeeded or rollback-unverified)";
            case NOTIFY_STAKEHOLDERS -> "Slack was told the rollback's outcome (a delivered slack notification "
                    + "rollback-succeeded or rollback-unverified)";
            case CREATE_INCIDENT_REPORT -> "this incident record is the report: checked when the rollback completed";
            case TAG_FAULTY_RELEASE -> "the faulty release was tagged (a delivered git notification)";
            case BLOCK_FAULTY_VERSION -> "the rollback completed from a release judged bad: Rewind never rolls "
                    + "back to a release it judged bad";
            case CREATE_JIRA_TICKETS -> "a follow-up ticket was opened (a delivered jira notification)";
            default -> null;
        });
    }

    /** When {@code item} was done by Rewind, as the record shows; empty while it shows nothing. */
    public static Optional<Evidence> evidence(ChecklistItem item, Facts facts) {
        Incident incident = facts.incident();
        Instant completedAt = incident.times().rollbackCompletedAt();
        return switch (item) {
            case VERIFY_APPLICATION_RESPONDING -> verified(incident);
            case CHECK_ERROR_RATES, VERIFY_DASHBOARDS_GREEN -> Optional.ofNullable(facts.alertsResolvedAt())
                    .map(at -> new Evidence(at, "every alert of the incident resolved"));
            case UPDATE_STATUS_PAGE -> outcomeDelivered(incident, "statuspage");
            case NOTIFY_STAKEHOLDERS -> outcomeDelivered(incident, "slack");
            case CREATE_INCIDENT_REPORT -> Optional.ofNullable(completedAt)
                    .map(at -> new Evidence(at, "incident record kept by Rewind"));
            case TAG_FAULTY_RELEASE -> delivered(incident, "git");
            case BLOCK_FAULTY_VERSION -> completedAt == null || incident.versions().judgedBad() == null
                    ? Optional.empty()
                    : Optional.of(new Evidence(completedAt, "release " + incident.versions().judgedBad()
                    + " judged bad; Rewind never rolls back to it"));
            case CREATE_JIRA_TICKETS -> delivered(incident, "jira");
            default -> Optional.empty();
        };
    }

    private static Optional<Evidence> verified(Incident incident) {
        Instant passedAt = incident.verification() != null && incident.verification().passed()
                ? incident.verification().at() : null;
        Instant succeededAt = incident.status() == IncidentStatus.ROLLED_BACK
                ? incident.times().rollbackCompletedAt() : null;
        return Stream.of(passedAt, succeededAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .map(at -> new Evidence(at, "verification passed"));
    }

    private static Optional<Evidence> outcomeDelivered(Incident incident, String channel) {
        return incident.notifications().stream()
                .filter(n -> n.delivered() && channel.equals(n.channel())
                        && OUTCOME_NOTIFICATIONS.contains(n.notification()))
                .min(Comparator.comparing(Incident.Notification::at))
                .map(n -> new Evidence(n.at(), summary(n)));
    }

    private static Optional<Evidence> delivered(Incident incident, String channel) {
        return incident.notifications().stream()
                .filter(n -> n.delivered() && channel.equals(n.channel()))
                .min(Comparator.comparing(Incident.Notification::at))
                .map(n -> new Evidence(n.at(), summary(n)));
    }

    private static String summary(Incident.Notification notification) {
        return notification.summary() != null ? notification.summary()
                : notification.notification() + " delivered on " + notification.channel();
    }
}
