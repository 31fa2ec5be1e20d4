package dev.rewind.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rewind.system.ServiceProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Settings a service would refuse stop it as it starts, naming the problem, instead of failing the first request or
 * alert that needs them: an approval policy naming a role nobody holds, thresholds that contradict each other.
 */
@EnabledIfSystemProperty(named = FaultSize.PROPERTY, matches = "ci|full")
class MisconfigurationIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Test
    void anApprovalPolicyNamingAnUnknownRoleStopsTheApprovalServiceAtStart() throws Exception {
        assertRefusedAtStart("approval-service", Map.of("REWIND_APPROVAL_POLICY_STAGING_APPROVALS", "wizard"),
                "wizard");
    }

    @Test
    void contradictoryThresholdsStopTheDetectorAtStart() throws Exception {
        assertRefusedAtStart("detector-service", Map.of("REWIND_DETECTOR_ERROR_RATE_THRESHOLD", "0.5"),
                "error-rate threshold <= critical threshold");
    }

    private static boolean ready(ServiceProcess process) {
        try {
            return process.ready();
        } catch (IllegalStateException exited) {
            return false;
        }
    }

    private static void assertRefusedAtStart(String service, Map<String, String> settings, String named)
            throws Exception {
        FaultLab lab = FaultLab.shared();
        Map<String, String> environment = new HashMap<>(lab.environment());
        environment.putAll(settings);
        try (ServiceProcess process = ServiceProcess.start(lab.root(), service, "misconfigured-" + service,
                ServiceProcess.freePort(), environment)) {
            // Until it exits or, wrongly, becomes ready: a regression fails at once, not after the whole patience.
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> !process.alive() || ready(process));
            assertThatThrownBy(process::ready).hasMessageContaining("exited with 1");
            assertThat(Files.readString(process.log())).contains(named);
        }
    }
}
