package dev.rewind.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runbook's "when not to roll back": the test version carries an irreversible database migration (the
 * annotation its deploy sets), so Rewind must decline the rollback, say why, tell people, and leave the Deployment
 * alone. The drill then clears the fault, as the fix forward would.
 */
final class DeclinedDrill extends Drill {

    /** The annotation a release's deploy sets when it ran a database migration that cannot be undone. */
    static final Map<String, String> IRREVERSIBLE_MIGRATION = Map.of("rewind.dev/migration", "irreversible");

    private String untouched;
    private List<String> told = List.of();

    DeclinedDrill(DrillSettings settings, DrillTarget target, KubernetesClient kubernetes, PrintStream out,
                  Clock clock) {
        super(settings, target, kubernetes, out, clock);
    }

    @Override
    String scenario() {
        return "declined: irreversible migration (" + settings.fault() + ")";
    }

    @Override
    List<Phase> phases() {
        return List.of(deployPhase(IRREVERSIBLE_MIGRATION), injectPhase(), detectPhase(),
                new Phase("Rewind declines the rollback", this::awaitDeclined),
                new Phase("nothing rolled back", this::checkUntouched),
                new Phase("people told", this::awaitTold),
                new Phase("fix forward: clear the fault, the alert resolves", this::clearFault),
                documentPhase());
    }

    @Override
    List<DrillResult.Criterion> criteria() {
        JsonNode decision = incident == null ? null : incident.path("decision");
        String status = incident == null ? null : incident.path("status").asText();
        return SuccessCriteria.declined(status, decision == null ? null : decision.path("reason").asText(null),
                untouched, told);
    }

    private String awaitDeclined() {
        awaitClosed("DECLINED");
        JsonNode decision = incident.path("decision");
        return decision.path("code").asText() + ": " + decision.path("reason").asText();
    }

    private String checkUntouched() {
        String image = image();
        if (!image.endsWith(":" + settings.testVersion())) {
            throw new DrillFailed(target + " runs " + image + " although Rewind declined to roll it back");
        }
        if (incident.path("steps").size() > 0) {
            throw new DrillFailed("the declined incident has rollback steps: " + incident.path("steps"));
        }
        untouched = target + " still runs " + settings.testVersion() + ", no rollback step recorded";
        return untouched;
    }

    private String awaitTold() {
        told = Poll.until("a Slack message about the declined rollback", SETTLE, POLL, () -> {
            List<String> messages = slackMessages().stream()
                    .filter(text -> text.toUpperCase().contains("DECLINED")).toList();
            return messages.isEmpty() ? Optional.empty() : Optional.of(messages);
        });
        return told.get(0);
    }
}
