package dev.rewind.executor.troubleshoot;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the nodes hosting the Deployment's pods say: memory, disk or PID pressure, not ready (describe nodes). */
final class NodeClues {

    private static final List<String> PRESSURES = List.of("MemoryPressure", "DiskPressure", "PIDPressure");

    private NodeClues() {
    }

    /** The names of the nodes {@code pods} run on, each with the pods it hosts. */
    static Map<String, Set<String>> hosts(List<Pod> pods) {
        Map<String, Set<String>> hosts = new TreeMap<>();
        for (Pod pod : pods) {
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            if (node != null) {
                hosts.computeIfAbsent(node, n -> new TreeSet<>()).add(pod.getMetadata().getName());
            }
        }
        return hosts;
    }

    static List<Clue> of(List<Node> nodes, List<Pod> pods) {
        Map<String, Set<String>> hosts = hosts(pods);
        List<Clue> clues = new ArrayList<>();
        for (Node node : nodes) {
            String name = node.getMetadata().getName();
            Set<String> hosted = hosts.get(name);
            if (hosted == null || node.getStatus() == null || node.getStatus().getConditions() == null) {
                continue;
            }
            String subject = "node " + name;
            String hosting = " (hosts " + String.join(", ", hosted) + ")";
            for (NodeCondition condition : node.getStatus().getConditions()) {
                if (PRESSURES.contains(condition.getType()) && "True".equals(condition.getStatus())) {
                    clues.add(new Clue(Finding.Kind.NODE_PRESSURE, subject,
                            condition.getType() + ": " + condition.getMessage() + hosting,
                            "The kubelet evicts pods from it and the scheduler avoids it: free capacity there, or "
                                    + "cordon and drain it (kubectl describe node " + name + ")."));
                } else if ("Ready".equals(condition.getType()) && !"True".equals(condition.getStatus())) {
                    clues.add(new Clue(Finding.Kind.NODE_NOT_READY, subject,
                            "Ready=" + condition.getStatus() + ": " + condition.getMessage() + hosting,
                            "Its pods do not run: look at the node (kubectl describe node " + name
                                    + "), and drain it if it does not come back."));
                }
            }
        }
        return clues;
    }
}
