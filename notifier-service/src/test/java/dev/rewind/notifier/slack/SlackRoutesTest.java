package dev.rewind.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlackRoutesTest {

    private final SlackRoutes routes = new SlackRoutes(List.of(
            new SlackRoutes.Route("b-production", Set.of("production"), Set.of(), "C0PROD"),
            new SlackRoutes.Route("a-production-critical", Set.of("Production"), Set.of(Severity.P0, Severity.P1),
                    "C0CRITICAL"),
            new SlackRoutes.Route("c-low", Set.of(), Set.of(Severity.P3), "C0LOW")), Optional.of("C0ROLLBACKS"));

    @Test
    void theFirstRouteByNameThatTakesBothEnvironmentAndSeverityWins() {
        assertThat(routes.channelFor("production", Severity.P0)).contains("C0CRITICAL");
        assertThat(routes.channelFor("PRODUCTION", Severity.P1)).contains("C0CRITICAL");
        assertThat(routes.channelFor("production", Severity.P2)).contains("C0PROD");
        assertThat(routes.channelFor("production", Severity.P3)).contains("C0PROD");
    }

    @Test
    void aRouteWithoutEnvironmentsTakesAnyAndAnUnknownSeverityMatchesOnlyRoutesWithoutSeverities() {
        assertThat(routes.channelFor("staging", Severity.P3)).contains("C0LOW");
        assertThat(routes.channelFor("production", null)).contains("C0PROD");
        assertThat(routes.channelFor("staging", null)).contains("C0ROLLBACKS");
    }

    @Test
    void noMatchingRouteFallsBackToTheDefaultChannelOrNowhere() {
        assertThat(routes.channelFor("staging", Severity.P1)).contains("C0ROLLBACKS");
        SlackRoutes productionOnly = new SlackRoutes(List.of(
                new SlackRoutes.Route("prod", Set.of("production"), Set.of(), "C0PROD")), Optional.empty());
        assertThat(productionOnly.channelFor("development", Severity.P1)).isEmpty();
        assertThat(new SlackRoutes(List.of(), Optional.of(" ")).isEmpty()).isTrue();
    }

    @Test
    void aRouteWithoutAChannelIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> new SlackRoutes.Route("prod", Set.of(), Set.of(), " "))
                .hasMessageContaining("rewind.notifier.slack.routes.prod.channel");
    }
}
