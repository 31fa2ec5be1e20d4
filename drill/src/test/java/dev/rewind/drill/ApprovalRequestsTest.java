package dev.rewind.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ApprovalRequestsTest {

    @Test
    void findsTheNewestRequestOfTheIncidentInAListing() throws Exception {
        JsonNode listing = new ObjectMapper().readTree("[{\"id\":\"b\",\"incidentNumber\":12},"
                + "{\"id\":\"a\",\"incidentNumber\":11},{\"id\":\"older\",\"incidentNumber\":12}]");

        assertThat(ApprovalRequests.ofIncident(listing, 12)).map(request -> request.path("id").asText())
                .contains("b");
        assertThat(ApprovalRequests.ofIncident(listing, 13)).isEmpty();
    }
}
