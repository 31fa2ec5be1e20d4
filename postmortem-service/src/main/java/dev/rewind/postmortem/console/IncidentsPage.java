package dev.rewind.postmortem.console;

import dev.rewind.postmortem.api.IncidentViews;
import dev.rewind.postmortem.api.Access;
import dev.rewind.postmortem.console.view.IncidentRow;
import dev.rewind.postmortem.domain.query.InvalidQuery;
import dev.rewind.postmortem.persistence.IncidentQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The console's live incident list: filters, each incident's severity, status and deadline at a glance, and rows that
 * re-read themselves when the live feed ({@code /console/events}) says an incident changed.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class IncidentsPage {

    private final Access access;
    private final Chromes chromes;
    private final ConsoleConfig config;
    private final LiveIncidents live;
    private final Clock clock;

    @Inject
    public IncidentsPage(Access access, Chromes chromes, ConsoleConfig config, LiveIncidents live, Clock clock) {
        this.access = access;
        this.chromes = chromes;
        this.config = config;
        this.live = live;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incidents(Chrome chrome, IncidentFilters filters, List<String> severities,
                                                 List<String> statuses, List<String> ranges, List<IncidentRow> rows,
                                                 String problem);

        static native TemplateInstance incidents$rows(List<IncidentRow> rows, String problem);
    }

    @GET
    @Transactional
    @Operation(hidden = true)
    public TemplateInstance list(@RestQuery String service, @RestQuery String environment, @RestQuery String severity,
                                 @RestQuery String status, @RestQuery String range, @RestQuery String q) {
        access.reader();
        IncidentFilters filters = new IncidentFilters(service, environment, severity, status, range, q);
        Rows rows = rows(filters);
        return Templates.incidents(chromes.of("incidents"), filters, IncidentFilters.SEVERITIES,
                IncidentFilters.STATUSES, IncidentFilters.RANGES, rows.rows(), rows.problem());
    }

    @GET
    @Path("/rows")
    @Transactional
    @Operation(hidden = true)
    public TemplateInstance rows(@RestQuery String service, @RestQuery String environment, @RestQuery String severity,
                                 @RestQuery String status, @RestQuery String range, @RestQuery String q) {
        access.reader();
        Rows rows = rows(new IncidentFilters(service, environment, severity, status, range, q));
        return Templates.incidents$rows(rows.rows(), rows.problem());
    }

    @GET
    @Path("/events")
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        access.reader();
        Multi<OutboundSseEvent> changes = live.changes()
                .map(incident -> sse.newEventBuilder().name("incident").data(incident.toString()).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(25))
                .onOverflow().drop().map(tick -> sse.newEventBuilder().name("ping").data("").build());
        return Multi.createBy().merging().streams(changes, keepAlive);
    }

    private record Rows(List<IncidentRow> rows, String problem) {
    }

    private Rows rows(IncidentFilters filters) {
        Instant now = Instant.now(clock);
        try {
            IncidentQueries.Page page = IncidentQueries.page(filters.query(config.listSize(), now));
            return new Rows(page.incidents().stream().map(row -> IncidentRow.of(IncidentViews.Summary.of(row, now), now))
                    .toList(), null);
        } catch (InvalidQuery invalid) {
            return new Rows(List.of(), invalid.problems().stream()
                    .map(problem -> problem.parameter() + ": " + problem.message()).collect(Collectors.joining("; ")));
        }
    }
}
