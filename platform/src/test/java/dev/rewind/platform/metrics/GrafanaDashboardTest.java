package dev.rewind.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in the repository ({@value #DASHBOARD}) shows only metrics Rewind exports (the
 * {@link RewindMetric} catalogue the services register from), shows every one of them, and asks for its Prometheus
 * data source on import.
 */
class GrafanaDashboardTest {

    static final String DASHBOARD = "dev/grafana/rewind-dashboard.json";

    private static final Pattern REWIND_NAME = Pattern.compile("\\brewind_[a-zA-Z0-9_]+");

    private final JsonNode dashboard = read();

    @Test
    void everyRewindMetricAQueryNamesIsExported() {
        Set<String> exported = Arrays.stream(RewindMetric.values()).flatMap(m -> m.seriesNames().stream())
                .collect(Collectors.toSet());

        assertThat(namedInQueries()).isNotEmpty()
                .allSatisfy(name -> assertThat(exported).as("Rewind does not export %s, which the dashboard"
                        + " queries: fix the panel or add the metric to RewindMetric", name).contains(name));
    }

    @Test
    void everyExportedRewindMetricHasAPanel() {
        Set<String> named = namedInQueries();

        assertThat(RewindMetric.values()).allSatisfy(metric -> assertThat(metric.seriesNames())
                .as("no panel shows %s", metric.prometheusName()).containsAnyElementsOf(named));
    }

    @Test
    void everyPanelQueriesTheDataSourceChosenOnImport() {
        assertThat(dashboard.at("/__inputs/0/name").asText()).isEqualTo("DS_PROMETHEUS");
        List<JsonNode> panels = panels();

        assertThat(panels).isNotEmpty().allSatisfy(panel -> {
            if (!"row".equals(panel.path("type").asText())) {
                assertThat(panel.at("/datasource/uid").asText()).as(panel.path("title").asText())
                        .isEqualTo("${DS_PROMETHEUS}");
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            }
        });
    }

    @Test
    void prometheusNamesFollowMicrometersConvention() {
        assertThat(RewindMetric.ALERTS_RECEIVED.prometheusName()).isEqualTo("rewind_alerts_received_total");
        assertThat(RewindMetric.OUTBOX_OLDEST_PENDING_AGE.prometheusName())
                .isEqualTo("rewind_outbox_oldest_pending_age_seconds");
        assertThat(RewindMetric.ALERT_TO_ROLLBACK_STARTED.seriesNames())
                .contains("rewind_alert_to_rollback_started_seconds_bucket");
    }

    private Set<String> namedInQueries() {
        Set<String> names = new TreeSet<>();
        List<String> queries = new ArrayList<>();
        panels().forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asText())));
        dashboard.at("/templating/list").forEach(variable -> queries.add(variable.at("/query/query").asText()));
        for (String query : queries) {
            Matcher matcher = REWIND_NAME.matcher(query);
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    /** Every panel, including those inside collapsed rows. */
    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        return panels;
    }

    private static JsonNode read() {
        Path file = Path.of("..").resolve(DASHBOARD);
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the dashboard " + file.toAbsolutePath() + ": " + e, e);
        }
    }
}
