package dev.rewind.postmortem.console;

import dev.rewind.postmortem.api.Access;
import dev.rewind.postmortem.api.StatisticsViews;
import dev.rewind.postmortem.console.view.BarChart;
import dev.rewind.postmortem.console.view.Spans;
import dev.rewind.postmortem.domain.query.InvalidQuery;
import dev.rewind.postmortem.domain.query.StatisticsQuery;
import dev.rewind.postmortem.persistence.IncidentStatisticsQuery;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Rollback statistics per service and environment as charts: rollbacks, success rate, median time to roll back and
 * deadlines met, over the last days chosen, with the figures as a table too.
 */
@Path("/console/statistics")
@Produces(MediaType.TEXT_HTML)
public class StatisticsPage {

    /** The ranges the page offers, in days. */
    static final List<Integer> DAYS = List.of(7, 30, 90);

    private final Access access;
    private final Chromes chromes;
    private final IncidentStatisticsQuery statistics;
    private final Clock clock;

    @Inject
    public StatisticsPage(Access access, Chromes chromes, IncidentStatisticsQuery statistics, Clock clock) {
        this.access = access;
        this.chromes = chromes;
        this.statistics = statistics;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance statistics(Chrome chrome, List<Integer> ranges, int days, String environment,
                                                  StatisticsViews.Statistics figures, List<BarChart> charts,
                                                  String problem);
    }

    @GET
    @Transactional
    @Operation(hidden = true)
    public TemplateInstance show(@RestQuery String days, @RestQuery String environment) {
        access.reader();
        int range = DAYS.stream().filter(offered -> String.valueOf(offered).equals(days)).findFirst().orElse(30);
        Instant now = Instant.now(clock);
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("from", List.of(now.minus(Duration.ofDays(range)).toString()));
        if (environment != null && !environment.isBlank()) {
            parameters.put("environment", List.of(environment.strip()));
        }
        try {
            StatisticsQuery query = StatisticsQuery.parse(parameters, now, Duration.ofDays(range));
            StatisticsViews.Statistics figures = StatisticsViews.Statistics.of(query.from(), query.to(),
                    statistics.groups(query, now));
            return Templates.statistics(chromes.of("statistics"), DAYS, range, environment, figures,
                    charts(figures), null);
        } catch (InvalidQuery invalid) {
            return Templates.statistics(chromes.of("statistics"), DAYS, range, environment, null, List.of(),
                    invalid.problems().stream().map(p -> p.parameter() + ": " + p.message())
                            .collect(Collectors.joining("; ")));
        }
    }

    /** The most services a chart shows; the table lists them all. */
    static final int CHARTED = 12;

    /**
     * The four charts of {@code figures}: one bar per service in each environment that rolled back at least once, the
     * {@link #CHARTED} with the most rollbacks.
     */
    static List<BarChart> charts(StatisticsViews.Statistics figures) {
        List<StatisticsViews.Group> groups = figures.groups().stream().filter(g -> g.figures().rollbacks() > 0)
                .sorted(Comparator.comparingLong((StatisticsViews.Group g) -> g.figures().rollbacks())
                        .reversed().thenComparing(StatisticsPage::label))
                .limit(CHARTED).toList();
        return List.of(
                BarChart.of("Rollbacks", groups.stream().map(g -> new BarChart.Row(label(g),
                        (double) g.figures().rollbacks(), g.figures().rollbacks() + " of " + g.figures().incidents()
                        + " incidents")).toList(), null, "bar"),
                BarChart.of("Success rate", groups.stream().map(g -> new BarChart.Row(label(g),
                        percent(g.figures().successRate()), text(percent(g.figures().successRate()), "%")))
                        .toList(), 100.0, "bar-good"),
                BarChart.of("Median time to roll back", groups.stream().map(g -> new BarChart.Row(label(g),
                        seconds(g.figures().medianTimeToRollBack()),
                        g.figures().medianTimeToRollBack() == null ? "—"
                                : Spans.of(Duration.parse(g.figures().medianTimeToRollBack())))).toList(), null, "bar"),
                BarChart.of("Deadlines met", groups.stream().map(g -> new BarChart.Row(label(g),
                        percent(g.figures().deadlineMetRate()), text(percent(g.figures().deadlineMetRate()), "%")
                        + " (" + g.figures().deadlinesMissed() + " missed)")).toList(), 100.0, "bar-good"));
    }

    private static String label(StatisticsViews.Group group) {
        return group.environment() + "/" + group.namespace() + "/" + group.service();
    }

    private static Double percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    private static Double seconds(String iso) {
        return iso == null ? null : (double) Duration.parse(iso).toSeconds();
    }

    private static String text(Double value, String unit) {
        if (value == null) {
            return "—";
        }
        return (value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value)) + unit;
    }
}
