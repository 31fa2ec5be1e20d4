package dev.rewind.notifier.domain;

import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.RollbackDeclined;

/**
 * The Slack message for a rollback Rewind decided against (fix forward, or a guard fired): the guard's reason and
 * code, and that a person decides now.
 */
public final class DeclineNotice {

    private DeclineNotice() {
    }

    public static SlackMessage render(IncidentContext incident, RollbackDeclined declined, MessageSettings settings) {
        return RunbookMessage.headed("🛑", incident, "ROLLBACK DECLINED")
                .environmentAndService()
                .knownVersions()
                .reason()
                .trusted("Status", "Declined: no rollback")
                .row("Declined Because", declined.reason())
                .trusted("Guard", "`" + declined.code().name() + "`")
                .actionTaken("Rewind did not roll back: " + words(declined.code()))
                .nextStep(nextStep(declined.code()))
                .nextStep("Monitor error rates and update stakeholders")
                .render(settings);
    }

    /** The runbook's words for why not. */
    static String words(DeclineReason code) {
        return switch (code) {
            case FIX_FORWARD -> "fixing forward is faster and safer";
            case IRREVERSIBLE_MIGRATION -> "the release carries an irreversible database change";
            case DATA_LOSS_RISK -> "rolling back could lose data";
            case INFRASTRUCTURE_FAULT -> "the fault looks like the infrastructure, not the application";
            case COOLDOWN -> "the target was rolled back moments ago (cooldown)";
            case ROLLBACK_LOOP -> "the target was rolled back as often as allowed (rollback loop guard)";
            case NOT_RECENTLY_DEPLOYED -> "the running release was not deployed recently";
            case BLOCKED_VERSION -> "the version to return to is blocked";
            case NEEDS_HUMAN -> "this needs a person's judgement";
            case TARGET_NOT_CONFIGURED -> "the target's environment or namespace is not configured in Rewind";
        };
    }

    private static String nextStep(DeclineReason code) {
        return switch (code) {
            case FIX_FORWARD -> "Ship the fix forward (hotfix)";
            case IRREVERSIBLE_MIGRATION, DATA_LOSS_RISK -> "A person decides: restore or fix forward, with the "
                    + "database owners (runbook: database migration issues)";
            case INFRASTRUCTURE_FAULT -> "Investigate the infrastructure (nodes, network, dependencies) with DevOps";
            case TARGET_NOT_CONFIGURED -> "Configure the target's environment in Rewind, or roll back by hand";
            default -> "A person decides: fix forward, or ask for a rollback by hand (POST /api/v1/rollbacks)";
        };
    }
}
