package dev.rewind.postmortem.api;

import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** Incident records for teams: the newest first, and each with its timeline. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    @GET
    @Transactional
    public List<IncidentViews.Summary> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return IncidentRecord.newest(limit).stream().map(IncidentViews.Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public IncidentViews.Detail get(@PathParam("id") String id) {
        UUID incidentId = parse(id);
        IncidentRecord incident = IncidentRecord.findById(incidentId);
        if (incident == null) {
            throw new NotFoundException("no incident " + incidentId);
        }
        return IncidentViews.Detail.of(incident, TimelineEntryRecord.of(incidentId));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("path parameter 'id' must be an incident UUID, got '" + id + "'");
        }
    }
}
