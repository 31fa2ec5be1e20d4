package dev.rewind.executor.verification;

import static dev.rewind.executor.verification.ClusterObjects.endpoints;
import static dev.rewind.executor.verification.ClusterObjects.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {

    @Test
    void aServiceSelectsThePodsWhoseLabelsCarryItsWholeSelector() {
        Map<String, String> template = Map.of("app", "checkout", "tier", "web");

        assertThat(ServiceEndpoints.selects(service("shop", "checkout", "checkout"), template)).isTrue();
        assertThat(ServiceEndpoints.selects(service("shop", "cart", "cart"), template)).isFalse();
        Service external = service("shop", "db", "db");
        external.getSpec().setSelector(null);
        assertThat(ServiceEndpoints.selects(external, template)).as("a Service without selector").isFalse();
    }

    @Test
    void passesWhenEveryServiceHasReadyAddresses() {
        CheckResult result = ServiceEndpoints.judge("shop/checkout", List.of(
                new ServiceEndpoints.Routed(service("shop", "checkout", "checkout"), endpoints("shop", "checkout", 2, 1))));

        assertThat(result).isEqualTo(CheckResult.passed("endpoints", "services in front of deployment shop/checkout "
                + "have ready endpoints: checkout (2 ready, 1 not ready)"));
    }

    @Test
    void failsForAServiceWithoutReadyAddressesOrWithoutEndpoints() {
        CheckResult result = ServiceEndpoints.judge("shop/checkout", List.of(
                new ServiceEndpoints.Routed(service("shop", "checkout", "checkout"), endpoints("shop", "checkout", 0, 2)),
                new ServiceEndpoints.Routed(service("shop", "checkout-admin", "checkout"), null),
                new ServiceEndpoints.Routed(service("shop", "checkout-grpc", "checkout"),
                        endpoints("shop", "checkout-grpc", 1, 0))));

        assertThat(result).isEqualTo(CheckResult.failed("endpoints", "service checkout has no ready endpoints (2 not "
                + "ready); service checkout-admin has no Endpoints object: traffic to deployment shop/checkout goes "
                + "nowhere; check its pods' readiness and the Service's selector and ports"));
    }
}
