package dev.rewind.executor.verification;

import dev.rewind.executor.kubernetes.KubernetesApi;
import io.fabric8.kubernetes.api.model.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The Services whose selector matches the Deployment's pod template have ready addresses in their Endpoints; not
 * configured when no Service selects its pods.
 */
@ApplicationScoped
public class EndpointsCheck implements VerificationCheck {

    public static final String NAME = "endpoints";

    private final KubernetesApi api;

    @Inject
    public EndpointsCheck(KubernetesApi api) {
        this.api = api;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        var client = target.client();
        List<Service> services = api.call(() -> client.services().inNamespace(target.namespace()).list().getItems())
                .stream().filter(service -> ServiceEndpoints.selects(service, target.templateLabels()))
                .toList();
        if (services.isEmpty()) {
            return Optional.empty();
        }
        List<ServiceEndpoints.Routed> routed = services.stream()
                .map(service -> new ServiceEndpoints.Routed(service, api.call(() -> client.endpoints()
                        .inNamespace(target.namespace()).withName(service.getMetadata().getName()).get())))
                .toList();
        return Optional.of(ServiceEndpoints.judge(target.describe(), routed));
    }
}
