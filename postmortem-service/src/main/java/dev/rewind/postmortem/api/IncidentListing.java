package dev.rewind.postmortem.api;

import dev.rewind.postmortem.domain.query.IncidentCursor;
import dev.rewind.postmortem.domain.query.IncidentQuery;
import dev.rewind.postmortem.persistence.IncidentQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Answers the incident list: parses the query, reads the page, and links the next one. */
@ApplicationScoped
public class IncidentListing {

    private final QueryConfig config;
    private final Clock clock;

    @Inject
    public IncidentListing(QueryConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The page the request's query asks for; an {@code InvalidQuery} (400) when it is written wrongly. */
    public RestResponse<IncidentPage> page(UriInfo uri) {
        IncidentQuery query = IncidentQuery.parse(uri.getQueryParameters(), config.defaultLimit(), config.maxLimit());
        IncidentQueries.Page page = IncidentQueries.page(query);
        Instant now = Instant.now(clock);
        List<IncidentViews.Summary> items = page.incidents().stream().map(row -> IncidentViews.Summary.of(row, now))
                .toList();
        if (!page.more()) {
            return RestResponse.ok(new IncidentPage(items, null));
        }
        IncidentViews.Summary last = items.get(items.size() - 1);
        String next = new IncidentCursor(last.openedAt(), last.id()).encode();
        URI link = uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build();
        return RestResponse.ResponseBuilder.ok(new IncidentPage(items, next))
                .header("Link", "<" + link + ">; rel=\"next\"").build();
    }
}
