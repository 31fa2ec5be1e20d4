package dev.rewind.postmortem.api;

import dev.rewind.postmortem.domain.query.StatisticsQuery;
import dev.rewind.postmortem.persistence.IncidentStatisticsQuery;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Rollback statistics per service and environment over a range of detection times, with a JWT bearer token. */
@Path("/api/v1/incidents/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class IncidentStatisticsResource {

    private final Access access;
    private final IncidentStatisticsQuery statistics;
    private final QueryConfig config;
    private final Clock clock;

    @Inject
    public IncidentStatisticsResource(Access access, IncidentStatisticsQuery statistics, QueryConfig config,
                                      Clock clock) {
        this.access = access;
        this.statistics = statistics;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "Per service and environment: incidents, rollbacks, success rate, median and p90 time to "
            + "roll back, deadlines met and missed",
            description = "Over the incidents detected from 'from' (inclusive) to 'to' (exclusive); 'to' defaults to "
                    + "now and 'from' to rewind.postmortem.query.statistics-range (30 days) before it.")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "Detected at or after (ISO-8601)")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Detected before (ISO-8601)")
    @Parameter(name = "service", in = ParameterIn.QUERY, description = "Only these services (repeatable or comma list)")
    @Parameter(name = "environment", in = ParameterIn.QUERY, description = "Only these environments")
    @Parameter(name = "namespace", in = ParameterIn.QUERY, description = "Only these namespaces")
    public StatisticsViews.Statistics get(@Context UriInfo uri) {
        access.reader();
        Instant now = Instant.now(clock);
        StatisticsQuery query = StatisticsQuery.parse(uri.getQueryParameters(), now, config.statisticsRange());
        return StatisticsViews.Statistics.of(query.from(), query.to(), statistics.groups(query, now));
    }
}
