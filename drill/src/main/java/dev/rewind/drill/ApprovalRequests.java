package dev.rewind.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Finds an incident's request in the approval API's listing, which names requests by id and incident number. */
public final class ApprovalRequests {

    private ApprovalRequests() {
    }

    /** The first (newest) request about incident {@code incidentNumber} in {@code requests}, a listing's answer. */
    public static Optional<JsonNode> ofIncident(JsonNode requests, long incidentNumber) {
        for (JsonNode request : requests) {
            if (request.path("incidentNumber").asLong(-1) == incidentNumber) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }
}
