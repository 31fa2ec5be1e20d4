package dev.rewind.executor.troubleshoot;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was read from the target's namespace to diagnose its Deployment's rollout, unfiltered: the lists hold
 * whatever the API server returned (the fabric8 mock ignores some selectors), {@link Diagnostician} picks.
 *
 * @param replicaSets    ReplicaSets matching the Deployment's selector
 * @param pods           pods matching the Deployment's selector
 * @param events         the namespace's events
 * @param nodes          the nodes hosting the pods, when read (it needs a ClusterRole)
 * @param unread         resources that could not be read (e.g. {@code "endpoints"}), with why, in reading order
 * @param now            when it was read, to tell recent events
 */
public record ClusterSnapshot(Deployment deployment, List<ReplicaSet> replicaSets, List<Pod> pods, List<Event> events,
                              List<PersistentVolumeClaim> claims, List<Service> services, List<Endpoints> endpoints,
                              List<EndpointSlice> endpointSlices, List<Ingress> ingresses, List<Node> nodes,
                              Map<String, String> unread, Instant now) {

    public ClusterSnapshot {
        replicaSets = List.copyOf(replicaSets);
        pods = List.copyOf(pods);
        events = List.copyOf(events);
        claims = List.copyOf(claims);
        services = List.copyOf(services);
        endpoints = List.copyOf(endpoints);
        endpointSlices = List.copyOf(endpointSlices);
        ingresses = List.copyOf(ingresses);
        nodes = List.copyOf(nodes);
        unread = Collections.unmodifiableMap(new LinkedHashMap<>(unread));
    }

    /** True when {@code resource} (plural, as in RBAC: {@code "endpoints"}) was read. */
    boolean read(String resource) {
        return !unread.containsKey(resource);
    }
}
