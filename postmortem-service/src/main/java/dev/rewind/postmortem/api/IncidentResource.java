package dev.rewind.postmortem.api;

import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.service.IncidentReader;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.resteasy.reactive.RestResponse;

/** Incident records for teams, with a JWT bearer token: the newest first, and each with its whole record. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
public class IncidentResource {

    private final Access access;
    private final IncidentReader reader;
    private final IncidentListing listing;

    @Inject
    public IncidentResource(Access access, IncidentReader reader, IncidentListing listing) {
        this.access = access;
        this.reader = reader;
        this.listing = listing;
    }

    @GET
    @Transactional
    @Operation(summary = "Incidents, newest first, filtered, a page at a time",
            description = "Each filter is repeatable or a comma list (any of its values); the filters apply together. "
                    + "The answer's 'next' (and its Link rel=\"next\" header) is the cursor of the next page, null on "
                    + "the last: incidents arriving meanwhile never shift or repeat later pages.")
    @Parameter(name = "service", in = ParameterIn.QUERY, description = "Service names, e.g. checkout")
    @Parameter(name = "environment", in = ParameterIn.QUERY, description = "Environments, e.g. production")
    @Parameter(name = "namespace", in = ParameterIn.QUERY, description = "Kubernetes namespaces")
    @Parameter(name = "severity", in = ParameterIn.QUERY, description = "P0, P1, P2, P3")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Statuses by name (open, awaiting-approval, "
            + "approved, rolling-back, rolled-back, ...), or resolved (rolled-back) or failed (rollback-failed, "
            + "rolled-back-unverified)")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "Detected at or after (ISO-8601)")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Detected before (ISO-8601)")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Text in the trigger reason, any case")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Incidents per page (default 50, at most 500)")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The previous page's 'next'")
    public RestResponse<IncidentPage> list(@Context UriInfo uri) {
        access.reader();
        return listing.page(uri);
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

    /** The id of the incident {@code id} names; 400 when it names none by its form, 404 when there is none. */
    static UUID idOf(IncidentReader reader, String id) {
        try {
            UUID incident = reader.idOf(id);
            if (incident == null) {
                throw new NotFoundException("no incident " + id);
            }
            return incident;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("path parameter " + e.getMessage());
        }
    }

    /** The incident {@code id} names; 400 when it names none by its form, 404 when there is no such incident. */
    public static IncidentReader.Found find(IncidentReader reader, String id) {
        try {
            return reader.find(id).orElseThrow(() -> new NotFoundException("no incident " + id));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("path parameter " + e.getMessage());
        }
    }
}
