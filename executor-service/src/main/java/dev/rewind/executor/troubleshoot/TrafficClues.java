package dev.rewind.executor.troubleshoot;

import dev.rewind.kubernetes.LabelSelectors;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The way traffic reaches the Deployment's pods: Services selecting them without a ready endpoint, and Ingresses
 * routing to those Services without a load-balancer address (the runbook's scenario 4).
 */
final class TrafficClues {

    /** The label EndpointSlices carry naming their Service. */
    static final String SERVICE_NAME = "kubernetes.io/service-name";

    /** How many addresses of a Service are ready and not. */
    private record Addresses(int ready, int notReady) {
    }

    private TrafficClues() {
    }

    /** The Services whose selector selects the Deployment's pod template. */
    static List<Service> selecting(Deployment deployment, List<Service> services) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata() == null ? Map.of()
                : deployment.getSpec().getTemplate().getMetadata().getLabels();
        return services.stream().filter(s -> s.getSpec() != null && !"ExternalName".equals(s.getSpec().getType()))
                .filter(s -> LabelSelectors.selects(s.getSpec().getSelector(), labels)).toList();
    }

    /** The Ingresses with a backend among {@code services}. */
    static List<Ingress> routingTo(List<Service> services, List<Ingress> ingresses) {
        Set<String> names = new TreeSet<>(services.stream().map(s -> s.getMetadata().getName()).toList());
        return ingresses.stream().filter(i -> backends(i).stream().anyMatch(names::contains)).toList();
    }

    /**
     * A clue for each of {@code services} with no ready endpoint in its Endpoints or EndpointSlices, when at least
     * one of the two could be read (nothing read proves nothing).
     */
    static List<Clue> endpoints(List<Service> services, List<Endpoints> endpoints, List<EndpointSlice> slices,
                                boolean endpointsRead, boolean slicesRead) {
        if (!endpointsRead && !slicesRead) {
            return List.of();
        }
        List<Clue> clues = new ArrayList<>();
        for (Service service : services) {
            String name = service.getMetadata().getName();
            Addresses fromEndpoints = fromEndpoints(name, endpoints);
            Addresses fromSlices = fromSlices(name, slices);
            if (fromEndpoints.ready() > 0 || fromSlices.ready() > 0) {
                continue;
            }
            int notReady = Math.max(fromEndpoints.notReady(), fromSlices.notReady());
            String selector = LabelSelectors.text(service.getSpec().getSelector());
            clues.add(new Clue(Finding.Kind.NO_ENDPOINTS, "service " + name,
                    "selects " + selector + " but has no ready endpoints"
                            + (notReady > 0 ? " (" + notReady + " not ready)" : ""),
                    notReady > 0
                            ? "Its pods fail readiness, so it sends traffic nowhere: see the readiness findings "
                            + "(kubectl describe endpoints " + name + ")."
                            : "No running pod matches it: check its selector against the pods' labels and its "
                            + "targetPort against their ports (kubectl describe svc " + name + ")."));
        }
        return clues;
    }

    /** A clue for each of {@code ingresses} that has no load-balancer address. */
    static List<Clue> addresses(List<Ingress> ingresses) {
        List<Clue> clues = new ArrayList<>();
        for (Ingress ingress : ingresses) {
            boolean addressed = ingress.getStatus() != null && ingress.getStatus().getLoadBalancer() != null
                    && ingress.getStatus().getLoadBalancer().getIngress() != null
                    && !ingress.getStatus().getLoadBalancer().getIngress().isEmpty();
            if (addressed) {
                continue;
            }
            String name = ingress.getMetadata().getName();
            clues.add(new Clue(Finding.Kind.NO_INGRESS_ADDRESS, "ingress " + name,
                    "routes to service " + String.join(", ", backends(ingress)) + " but has no load-balancer address "
                            + "(ingress class " + ingressClass(ingress) + ")",
                    "No ingress controller has admitted it: check that the controller of that class runs, and its "
                            + "events (kubectl describe ingress " + name + ")."));
        }
        return clues;
    }

    /** Ready and not-ready addresses of the Service's Endpoints object. */
    private static Addresses fromEndpoints(String service, List<Endpoints> endpoints) {
        int ready = 0;
        int notReady = 0;
        for (Endpoints e : endpoints) {
            if (service.equals(e.getMetadata().getName()) && e.getSubsets() != null) {
                for (EndpointSubset subset : e.getSubsets()) {
                    ready += subset.getAddresses() == null ? 0 : subset.getAddresses().size();
                    notReady += subset.getNotReadyAddresses() == null ? 0 : subset.getNotReadyAddresses().size();
                }
            }
        }
        return new Addresses(ready, notReady);
    }

    /** Ready and not-ready endpoints of the Service's EndpointSlices; unknown readiness counts as ready (API docs). */
    private static Addresses fromSlices(String service, List<EndpointSlice> slices) {
        int ready = 0;
        int notReady = 0;
        for (EndpointSlice slice : slices) {
            Map<String, String> labels = slice.getMetadata().getLabels();
            if (labels == null || !service.equals(labels.get(SERVICE_NAME)) || slice.getEndpoints() == null) {
                continue;
            }
            for (Endpoint endpoint : slice.getEndpoints()) {
                boolean isReady = endpoint.getConditions() == null || endpoint.getConditions().getReady() == null
                        || endpoint.getConditions().getReady();
                if (isReady) {
                    ready++;
                } else {
                    notReady++;
                }
            }
        }
        return new Addresses(ready, notReady);
    }

    private static Set<String> backends(Ingress ingress) {
        Set<String> names = new TreeSet<>();
        if (ingress.getSpec() == null) {
            return names;
        }
        addBackend(ingress.getSpec().getDefaultBackend(), names);
        if (ingress.getSpec().getRules() != null) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHttp() != null && rule.getHttp().getPaths() != null) {
                    for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                        addBackend(path.getBackend(), names);
                    }
                }
            }
        }
        return names;
    }

    private static void addBackend(IngressBackend backend, Set<String> names) {
        if (backend != null && backend.getService() != null && backend.getService().getName() != null) {
            names.add(backend.getService().getName());
        }
    }

    private static String ingressClass(Ingress ingress) {
        if (ingress.getSpec().getIngressClassName() != null) {
            return ingress.getSpec().getIngressClassName();
        }
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        String legacy = annotations == null ? null : annotations.get("kubernetes.io/ingress.class");
        return legacy == null ? "default" : legacy;
    }
}
