package dev.rewind.executor.verification;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether the Services in front of a Deployment have ready endpoints (runbook: kubectl get endpoints). */
public final class ServiceEndpoints {

    /** A Service and its Endpoints object (null when there is none). */
    public record Routed(Service service, Endpoints endpoints) {
    }

    private ServiceEndpoints() {
    }

    /** True when {@code service} selects pods with {@code podLabels}; a Service without a selector selects none. */
    public static boolean selects(Service service, Map<String, String> podLabels) {
        Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
        return selector != null && !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }

    /** Passes when every Service has at least one ready address. */
    public static CheckResult judge(String deployment, List<Routed> services) {
        List<String> empty = new ArrayList<>();
        List<String> ready = new ArrayList<>();
        for (Routed routed : services) {
            String name = routed.service().getMetadata().getName();
            if (routed.endpoints() == null) {
                empty.add("service " + name + " has no Endpoints object");
                continue;
            }
            int addresses = count(routed.endpoints(), true);
            int notReady = count(routed.endpoints(), false);
            if (addresses == 0) {
                empty.add("service " + name + " has no ready endpoints (" + notReady + " not ready)");
            } else {
                ready.add(name + " (" + addresses + " ready" + (notReady == 0 ? "" : ", " + notReady + " not ready")
                        + ")");
            }
        }
        if (!empty.isEmpty()) {
            return CheckResult.failed(EndpointsCheck.NAME, String.join("; ", empty) + ": traffic to deployment "
                    + deployment + " goes nowhere; check its pods' readiness and the Service's selector and ports");
        }
        return CheckResult.passed(EndpointsCheck.NAME, "services in front of deployment " + deployment
                + " have ready endpoints: " + String.join(", ", ready));
    }

    private static int count(Endpoints endpoints, boolean ready) {
        int count = 0;
        for (EndpointSubset subset : endpoints.getSubsets() == null ? List.<EndpointSubset>of()
                : endpoints.getSubsets()) {
            var addresses = ready ? subset.getAddresses() : subset.getNotReadyAddresses();
            count += addresses == null ? 0 : addresses.size();
        }
        return count;
    }
}
