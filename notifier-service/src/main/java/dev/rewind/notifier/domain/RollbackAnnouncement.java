package dev.rewind.notifier.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runbook's "ROLLBACK INITIATED" Slack template, for a rollback that starts, succeeds or fails: environment,
 * service, from and to version, who triggered it, the reason and the status.
 */
public final class RollbackAnnouncement {

    /** Where the rollback stands, as the message's headline and status field say it. */
    public enum Phase {
        STARTED("🚨", "ROLLBACK INITIATED", "In Progress"),
        SUCCEEDED("✅", "ROLLBACK COMPLETED", "Completed"),
        UNVERIFIED("⚠️", "ROLLBACK NOT VERIFIED", "Rolled out, verification failed"),
        FAILED("❌", "ROLLBACK FAILED", "Failed");

        private final String icon;
        private final String headline;
        private final String status;

        Phase(String icon, String headline, String status) {
            this.icon = icon;
            this.headline = headline;
            this.status = status;
        }

        public String status() {
            return status;
        }
    }

    /** Slack shows at most 2,000 characters of a field: a long diagnosis is cut below that. */
    private static final int MAX_DETAIL = 1900;

    private RollbackAnnouncement() {
    }

    /** The message; {@code detail} (the tool's words on failure) is added when present. */
    public static SlackMessage render(IncidentContext incident, Phase phase, String detail) {
        String environment = capitalize(incident.target().environment());
        String headline = phase.icon + " " + incident.target().environment().toUpperCase(Locale.ROOT) + " "
                + phase.headline;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Environment", environment});
        rows.add(new String[] {"Service", incident.target().service()});
        rows.add(new String[] {"From Version", orUnknown(incident.fromVersion())});
        rows.add(new String[] {"To Version", orUnknown(incident.toVersion())});
        rows.add(new String[] {"Triggered By", incident.triggeredBy() == null ? "unknown" : "@" + incident.triggeredBy()});
        rows.add(new String[] {"Reason", orUnknown(incident.reason())});
        rows.add(new String[] {"Status", phase.status});
        if (detail != null && !detail.isBlank()) {
            rows.add(new String[] {"Detail", detail.length() <= MAX_DETAIL ? detail
                    : detail.substring(0, MAX_DETAIL) + "… (cut)"});
        }
        return SlackMessage.withFields(headline, rows, incident.reference()
                + (incident.severity() == null ? "" : " · Severity " + incident.severity()));
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
