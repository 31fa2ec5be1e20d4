package dev.rewind.notifier.domain;

import dev.rewind.events.incident.RollbackStepCompleted;
import java.util.Locale;

/** The Slack message for one step of a rollback, posted only when configured (quiet by default). */
public final class StepNotice {

    private StepNotice() {
    }

    public static SlackMessage render(IncidentContext incident, RollbackStepCompleted step, MessageSettings settings) {
        RunbookMessage message = RunbookMessage.headed("🔧", incident, "ROLLBACK STEP: "
                        + step.step().toUpperCase(Locale.ROOT))
                .environmentAndService()
                .knownVersions()
                .trusted("Status", RollbackAnnouncement.IN_PROGRESS);
        if (RunbookMessage.known(step.detail())) {
            message.row("Detail", step.detail());
        }
        return message.render(settings);
    }
}
