package dev.rewind.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A production P1: the same failure in production, where the policy needs an on-call engineer's approval. The drill
 * checks that Rewind waits (the Deployment untouched, the incident awaiting approval, for a hold of a few seconds),
 * then approves through the approval API with the token it was given, as the on-call engineer would, and follows the
 * rollback to recovery.
 */
final class ApprovalDrill extends Drill {

    /** How long the drill watches the held rollback before approving: nothing may change meanwhile. */
    static final Duration HOLD = Duration.ofSeconds(3);

    private final JsonHttp approver;
    private String heldWhile;

    ApprovalDrill(DrillSettings settings, DrillTarget target, KubernetesClient kubernetes, PrintStream out,
                  Clock clock) {
        super(settings, target, kubernetes, out, clock);
        this.approver = new JsonHttp(settings.approverToken());
    }

    @Override
    String scenario() {
        return "production P1 waiting for approval (" + settings.fault() + ")";
    }

    @Override
    List<Phase> phases() {
        return List.of(deployPhase(Map.of()), injectPhase(), detectPhase(),
                new Phase("Rewind waits for a person's approval; nothing changes meanwhile", this::awaitHeld),
                new Phase("approve through the approval API, as the on-call engineer", this::approve),
                new Phase("let Rewind roll back", this::awaitRolledBack),
                new Phase("verify recovery", this::verifyRecovered),
                documentPhase());
    }

    @Override
    List<DrillResult.Criterion> criteria() {
        JsonNode vote = incident == null ? null : personsApproval(incident).orElse(null);
        return SuccessCriteria.approval(incidentTime("detectedAt"), rolledBackAt(), heldWhile,
                vote == null ? null : vote.path("by").asText() + " via " + vote.path("channel").asText()
                        + ": \"" + vote.path("comment").asText() + "\"",
                deadline());
    }

    private String awaitHeld() {
        long number = incident.path("number").asLong();
        JsonNode request = Poll.until("the approval request of INCIDENT-" + number, settings.detectTimeout(), POLL,
                this::approvalRequest);
        mark("drill", "approval request " + request.path("state").asText() + ", needs " + request.path("approvals")
                .asText() + ", deadline " + request.path("deadline").asText());
        String before = image();
        // The request is committed before the incident's record says so: it must come to await approval first.
        Poll.until("INCIDENT-" + number + " awaiting approval", SETTLE, POLL, () -> {
            String status = heldStatus(before);
            if (!List.of("OPEN", "AWAITING_APPROVAL").contains(status)) {
                throw new DrillFailed("Rewind did not wait for the approval: the incident is " + status);
            }
            return status.equals("AWAITING_APPROVAL") ? Optional.of(true) : Optional.empty();
        });
        Instant holdEnds = clock.instant().plus(HOLD);
        // Then the drill watches the held rollback for a few seconds: the gate must hold, so there is nothing to wait for.
        Poll.until("the hold of " + HOLD.toSeconds() + " s", HOLD.plusSeconds(5), POLL, () -> {
            String status = heldStatus(before);
            if (!"AWAITING_APPROVAL".equals(status)) {
                throw new DrillFailed("Rewind did not wait for the approval: the incident left AWAITING_APPROVAL for "
                        + status);
            }
            return clock.instant().isAfter(holdEnds) ? Optional.of(true) : Optional.empty();
        });
        heldWhile = SuccessCriteria.seconds(HOLD) + " on " + settings.testVersion() + ", AWAITING_APPROVAL";
        return "INCIDENT-" + number + " awaits approval (" + request.path("approvals").asText() + "); "
                + target + " still runs " + settings.testVersion() + " after " + SuccessCriteria.seconds(HOLD);
    }

    /** The incident's status now; fails the drill when the Deployment no longer runs {@code image}. */
    private String heldStatus(String image) {
        String status = read(rewind, incidentUrl(incident.path("id").asText())).path("status").asText();
        String now = image();
        if (!now.equals(image)) {
            throw new DrillFailed("Rewind did not wait for the approval: " + target + " runs " + now
                    + " (the incident is " + status + ")");
        }
        return status;
    }

    private String approve() {
        String requestId = Poll.until("the approval request's id", SETTLE, POLL, this::approvalRequest)
                .path("id").asText();
        JsonHttp.Answer answer = approver.postJson(settings.approvalsUrl() + "/api/v1/approvals/" + requestId
                + "/approve", "{\"reason\":\"rollback drill: the on-call engineer approves\"}");
        if (answer.status() != 200) {
            throw new DrillFailed("the approval API refused the approval: " + answer.describe());
        }
        JsonNode decided = Drill.json(answer.body());
        String outcome = "request " + decided.path("state").asText() + ", approved by " + decided.path("approvedBy")
                + ", still needed: " + decided.path("stillNeeded").asText();
        mark("drill", "approved through the approval API: " + outcome);
        return outcome;
    }

    /** This incident's undecided approval request, as the approval API lists it to the approver. */
    private Optional<JsonNode> approvalRequest() {
        long number = incident.path("number").asLong();
        return approver.jsonIfOk(settings.approvalsUrl() + "/api/v1/approvals?environment="
                + encode(target.environment())).flatMap(list -> ApprovalRequests.ofIncident(list, number));
    }

    private static Optional<JsonNode> personsApproval(JsonNode incident) {
        for (JsonNode vote : incident.path("approvals")) {
            if (!vote.path("automatic").asBoolean() && "APPROVED".equals(vote.path("verdict").asText())) {
                return Optional.of(vote);
            }
        }
        return Optional.empty();
    }

    /** The incident's deadline for its severity, as the incident API states it; null when unknown. */
    private Duration deadline() {
        if (incident == null || !incident.path("deadline").path("limit").isTextual()) {
            return null;
        }
        return Duration.parse(incident.path("deadline").path("limit").asText());
    }
}
