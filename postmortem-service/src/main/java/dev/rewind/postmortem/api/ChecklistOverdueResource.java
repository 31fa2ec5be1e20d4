package dev.rewind.postmortem.api;

import dev.rewind.postmortem.persistence.ChecklistItemRecord;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The checklist items overdue across incidents, the longest overdue first. */
@Path("/api/v1/checklist/overdue")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class ChecklistOverdueResource {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    private static final String LABEL_RULE = "must be a DNS-1123 label (lower-case letters, digits and '-')";

    private final Access access;
    private final Clock clock;

    @Inject
    public ChecklistOverdueResource(Access access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "Post-rollback checklist items not checked after their due time, across incidents")
    public List<ChecklistViews.Overdue> overdue(
            @QueryParam("environment") @Pattern(regexp = LABEL, message = LABEL_RULE) String environment,
            @QueryParam("service") @Pattern(regexp = LABEL, message = LABEL_RULE) String service,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        access.reader();
        Instant now = Instant.now(clock);
        return ChecklistItemRecord.overdue(now, environment, service, limit).stream()
                .map(overdue -> ChecklistViews.Overdue.of(overdue, now)).toList();
    }
}
