package dev.rewind.postmortem.api;

import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.service.IncidentReader;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Incident records for teams, with a JWT bearer token: the newest first, and each with its whole record. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
public class IncidentResource {

    private final Access access;
    private final IncidentReader reader;

    @Inject
    public IncidentResource(Access access, IncidentReader reader) {
        this.access = access;
        this.reader = reader;
    }

    @GET
    @Transactional
    @Operation(summary = "Incidents, newest first")
    public List<IncidentViews.Summary> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        access.reader();
        return IncidentRecord.newest(limit).stream().map(IncidentViews.Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One incident by id or number (123, INCIDENT-123): its whole record and its timeline")
    public IncidentViews.Detail get(@PathParam("id") String id) {
        access.reader();
        IncidentReader.Found found = find(reader, id);
        return IncidentViews.Detail.of(IncidentRecord.findById(found.incident().id()), found.incident(),
                found.timeline());
    }

    /** The incident {@code id} names; 400 when it names none by its form, 404 when there is no such incident. */
    static IncidentReader.Found find(IncidentReader reader, String id) {
        try {
            return reader.find(id).orElseThrow(() -> new NotFoundException("no incident " + id));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("path parameter " + e.getMessage());
        }
    }
}
