package dev.rewind.notifier.domain;

import dev.rewind.events.incident.IncidentEscalated;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Slack message for an incident moving up the runbook's escalation path: the level, its name (as the escalation's
 * reason gives it, else the runbook's), why, the runbook's duties of that level, and who is mentioned for it
 * (configuration).
 */
public final class EscalationNotice {

    /** How the escalation ladder names a level in its reason: {@code escalated to level 3 (engineering leadership)}. */
    private static final Pattern NAMED_LEVEL = Pattern.compile("level (\\d) \\(([^)]{1,60})\\)");

    /** The runbook's escalation path. */
    enum Level {
        DEVELOPMENT(1, "Development Team", "0-15 minutes", "Initial rollback attempt, basic troubleshooting, "
                + "stakeholder notification"),
        DEVOPS(2, "DevOps Team", "15-30 minutes", "Infrastructure investigation, advanced rollback procedures, "
                + "database rollback if needed"),
        LEADERSHIP(3, "Engineering Leadership", "30-60 minutes", "Decision on extended downtime, communication to "
                + "executives, resource allocation for the incident"),
        EXECUTIVES(4, "Executive Team", "over 60 minutes", "Public communication, customer notifications, business "
                + "continuity decisions");

        final int number;
        final String team;
        final String window;
        final String duties;

        Level(int number, String team, String window, String duties) {
            this.number = number;
            this.team = team;
            this.window = window;
            this.duties = duties;
        }

        static Level of(int number) {
            return values()[number - 1];
        }
    }

    private EscalationNotice() {
    }

    public static SlackMessage render(IncidentContext incident, IncidentEscalated escalated,
                                      MessageSettings settings) {
        Level level = Level.of(escalated.level());
        String team = team(escalated.level(), escalated.reason());
        String mention = settings.escalationMentions().get(escalated.level());
        RunbookMessage message = RunbookMessage.headed("📣", incident, "INCIDENT ESCALATED TO LEVEL " + level.number
                        + ": " + team.toUpperCase(Locale.ROOT))
                .environmentAndService()
                .knownVersions()
                .reason()
                .trusted("Status", "Escalated to level " + level.number)
                .trusted("Level", level.number + " - " + SlackMessage.escape(RunbookMessage.capitalize(team)) + " ("
                        + level.window + ")")
                .row("Why", escalated.reason());
        if (mention != null && !mention.isBlank()) {
            message.mention(mention + " this incident is yours now (escalation level " + level.number + ")");
        }
        return message
                .actionTaken("Escalated to the " + SlackMessage.escape(team))
                .nextStep(SlackMessage.escape(RunbookMessage.capitalize(team)) + ": " + level.duties)
                .render(settings);
    }

    /**
     * Who escalation level {@code number} reaches: the name the escalation's {@code reason} gives the level, else the
     * runbook's ({@code DevOps Team}).
     */
    public static String team(int number, String reason) {
        Matcher named = NAMED_LEVEL.matcher(reason == null ? "" : reason);
        while (named.find()) {
            if (Integer.parseInt(named.group(1)) == number) {
                return named.group(2).strip();
            }
        }
        return Level.of(number).team;
    }
}
