package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InfrastructureAlertsTest {

    private final InfrastructureAlerts alerts = new InfrastructureAlerts("rewind_scope", Set.of("KubeNodeNotReady"));

    @Test
    void readsTheScopeLabel() {
        assertThat(alerts.scopeOf(Map.of("alertname", "HighErrorRate", "rewind_scope", "Node")))
                .hasValue("the alert is node-level (label rewind_scope=Node)");
        assertThat(alerts.scopeOf(Map.of("rewind_scope", "cluster"))).isPresent();
    }

    @Test
    void knowsInfrastructureAlertsByName() {
        assertThat(alerts.scopeOf(Map.of("alertname", "KubeNodeNotReady")))
                .hasValue("alert KubeNodeNotReady is about infrastructure (rewind.detector.guards.infrastructure"
                        + ".alertnames)");
    }

    @Test
    void takesEveryOtherAlertAsAboutTheApplication() {
        assertThat(alerts.scopeOf(Map.of("alertname", "HighErrorRate", "rewind_scope", "service"))).isEmpty();
        assertThat(alerts.scopeOf(Map.of())).isEmpty();
    }
}
