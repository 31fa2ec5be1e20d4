package dev.rewind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.drill.ApprovalRequests;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the approval request of an incident: the approval API addresses requests by id, people by incident number.
 * The undecided requests are searched first, then the decided ones, so that a vote on a decided request reaches the
 * server and is refused there in its own words.
 */
public final class ApprovalLookup {

    /** The most requests the approval API lists at once. */
    static final int PAGE = 500;
    static final String UNDECIDED = "PENDING,HELD";
    static final String DECIDED = "APPROVED,REJECTED,EXPIRED";

    private ApprovalLookup() {
    }

    /** The id of the newest approval request of {@code incident}; exit code 4 when the API lists none. */
    public static UUID requestOf(RewindApi api, IncidentNumber incident) {
        return find(RewindApi.json(api.approvals(UNDECIDED, PAGE)), incident)
                .or(() -> find(RewindApi.json(api.approvals(DECIDED, PAGE)), incident))
                .orElseThrow(() -> new CliFailure(ExitCode.NOT_FOUND, "no approval request for " + incident
                        + " among the newest " + PAGE + " undecided and " + PAGE + " decided ones: an incident "
                        + "Rewind declined, or one whose rollback needed nobody's approval, has none"));
    }

    /** The id of the first (newest) request in {@code requests} about {@code incident}. */
    static Optional<UUID> find(JsonNode requests, IncidentNumber incident) {
        return ApprovalRequests.ofIncident(requests, incident.value())
                .map(request -> UUID.fromString(request.path("id").asText()));
    }
}
