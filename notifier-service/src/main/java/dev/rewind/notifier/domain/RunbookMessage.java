package dev.rewind.notifier.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runbook's "Slack Notification Template" as Block Kit: a headline, the facts as fields (environment, service,
 * from and to version, triggered by, reason, status, ETA...), "Actions Taken" (with the monitoring dashboards and
 * the incident ticket), "Next Steps", a context line naming the incident, and a plain-text fallback of the same.
 */
final class RunbookMessage {

    private final IncidentContext incident;
    private final String headline;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<String> actionsTaken = new ArrayList<>();
    private final List<String> nextSteps = new ArrayList<>();
    private final List<SlackMessage.Block> trailing = new ArrayList<>();
    private String mention;
    private String context;

    private RunbookMessage(IncidentContext incident, String headline) {
        this.incident = incident;
        this.headline = headline;
        this.context = incident.reference()
                + (incident.severity() == null ? "" : " · Severity " + incident.severity());
    }

    /** {@code 🚨 PRODUCTION ROLLBACK INITIATED}: the icon, the environment in capitals and what happened. */
    static RunbookMessage headed(String icon, IncidentContext incident, String words) {
        return new RunbookMessage(incident, icon + " " + incident.target().environment().toUpperCase(Locale.ROOT)
                + " " + words);
    }

    /** Environment and service, as every message starts. */
    RunbookMessage environmentAndService() {
        trusted("Environment", capitalize(SlackMessage.escape(incident.target().environment())));
        return trusted("Service", SlackMessage.escape(incident.target().service()));
    }

    /** From and to version; "unknown" until an event named them. */
    RunbookMessage versions() {
        return row("From Version", incident.fromVersion()).row("To Version", incident.toVersion());
    }

    /** Only the versions known so far (before a rollback starts, the version it returns to is not). */
    RunbookMessage knownVersions() {
        if (known(incident.fromVersion())) {
            row("From Version", incident.fromVersion());
        }
        return known(incident.toVersion()) ? row("To Version", incident.toVersion()) : this;
    }

    RunbookMessage triggeredBy() {
        return incident.triggeredBy() == null ? trusted("Triggered By", "unknown")
                : trusted("Triggered By", "@" + SlackMessage.escape(incident.triggeredBy()));
    }

    /** The incident's reason: what the detector or the requester saw. */
    RunbookMessage reason() {
        return row("Reason", incident.reason());
    }

    /** A field whose value comes from an event or a person: escaped, "unknown" when absent. */
    RunbookMessage row(String name, String value) {
        return trusted(name, known(value) ? SlackMessage.escape(value) : "unknown");
    }

    /** A field whose value Rewind wrote itself (a date, a configured link): taken as mrkdwn. */
    RunbookMessage trusted(String name, String markdown) {
        rows.add(new String[] {name, markdown});
        return this;
    }

    /** Who to tell, from configuration (a user group, {@code <!here>}): first in the notification and the message. */
    RunbookMessage mention(String markdown) {
        this.mention = markdown;
        return this;
    }

    /** A section after the fields, such as the executor's diagnosis. */
    RunbookMessage section(String markdown) {
        sections.add(markdown);
        return this;
    }

    RunbookMessage actionTaken(String markdown) {
        actionsTaken.add(markdown);
        return this;
    }

    RunbookMessage nextStep(String markdown) {
        nextSteps.add(markdown);
        return this;
    }

    /** Adds {@code more} to the context line. */
    RunbookMessage context(String more) {
        this.context = context + " · " + more;
        return this;
    }

    /** Blocks after the context line, such as the approval buttons. */
    RunbookMessage then(SlackMessage.Block... blocks) {
        trailing.addAll(List.of(blocks));
        return this;
    }

    /** The message, with the dashboards link and the incident ticket among the actions taken. */
    SlackMessage render(MessageSettings settings) {
        List<String> actions = new ArrayList<>(actionsTaken);
        if (settings.dashboardsUrl() != null && !settings.dashboardsUrl().isBlank()) {
            actions.add("Monitoring dashboards: <" + settings.dashboardsUrl() + "|Link>");
        }
        if (incident.incidentNumber() != null) {
            actions.add("Incident ticket: INCIDENT-" + incident.incidentNumber());
        }
        StringBuilder text = new StringBuilder(headline);
        List<SlackMessage.Block> blocks = new ArrayList<>();
        blocks.add(SlackMessage.Block.header(headline));
        blocks.addAll(SlackMessage.Block.fieldSections(rows));
        if (mention != null) {
            text.append('\n').append(mention);
            blocks.add(SlackMessage.Block.section(mention));
        }
        for (String[] row : rows) {
            text.append('\n').append(row[0]).append(": ").append(row[1]);
        }
        for (String section : sections) {
            text.append('\n').append(section);
            blocks.add(SlackMessage.Block.section(section));
        }
        list("Actions Taken", actions, text, blocks);
        list("Next Steps", nextSteps, text, blocks);
        blocks.add(SlackMessage.Block.context(context));
        blocks.addAll(trailing);
        return new SlackMessage(text.toString(), blocks);
    }

    private static void list(String title, List<String> items, StringBuilder text, List<SlackMessage.Block> blocks) {
        if (items.isEmpty()) {
            return;
        }
        StringBuilder section = new StringBuilder("*" + title + "*:");
        text.append('\n').append(title).append(':');
        for (String item : items) {
            section.append("\n• ").append(item);
            text.append("\n- ").append(item);
        }
        blocks.add(SlackMessage.Block.section(section.toString()));
    }

    static boolean known(String value) {
        return value != null && !value.isBlank();
    }

    static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
