package dev.rewind.postmortem.api;

import dev.rewind.postmortem.domain.query.OverdueQuery;
import dev.rewind.postmortem.persistence.OverdueChecklistQuery;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The checklist items overdue across incidents, the longest overdue first. */
@Path("/api/v1/checklist/overdue")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class ChecklistOverdueResource {

    private final Access access;
    private final OverdueChecklistQuery overdue;
    private final QueryConfig config;
    private final Clock clock;

    @Inject
    public ChecklistOverdueResource(Access access, OverdueChecklistQuery overdue, QueryConfig config, Clock clock) {
        this.access = access;
        this.overdue = overdue;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "Post-rollback checklist items not checked after their due time, across incidents")
    @Parameter(name = "environment", in = ParameterIn.QUERY, description = "Only these environments (repeatable or "
            + "comma list)")
    @Parameter(name = "service", in = ParameterIn.QUERY, description = "Only these services (repeatable or comma list)")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Items at most (default 100, at most 1000)")
    public List<ChecklistViews.Overdue> overdue(@Context UriInfo uri) {
        access.reader();
        OverdueQuery query = OverdueQuery.parse(uri.getQueryParameters(), config.overdueDefaultLimit(),
                config.overdueMaxLimit());
        Instant now = Instant.now(clock);
        return overdue.items(query, now).stream().map(item -> ChecklistViews.Overdue.of(item, now)).toList();
    }
}
