package dev.rewind.platform.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What to do with the topics a service needs, given those that exist: which to create, and a warning for each that
 * has fewer partitions than configured (never changed here: more partitions would move targets in flight).
 */
public record TopicPlan(List<String> toCreate, List<String> warnings) {

    /** The plan for {@code needed} topics, given each existing topic's partition count. */
    public static TopicPlan of(Collection<String> needed, Map<String, Integer> existingPartitions, int partitions) {
        List<String> toCreate = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String topic : needed) {
            Integer existing = existingPartitions.get(topic);
            if (existing == null) {
                toCreate.add(topic);
            } else if (existing < partitions) {
                warnings.add(fewerPartitions(topic, existing, partitions));
            }
        }
        return new TopicPlan(List.copyOf(toCreate), List.copyOf(warnings));
    }

    /** The warning for a topic that exists with fewer partitions than configured. */
    static String fewerPartitions(String topic, int existing, int configured) {
        return "Kafka topic " + topic + " has " + existing + " partitions, rewind.kafka.topics.partitions asks for "
                + configured + ": at most " + existing + " instances of a service share its work, the others idle. "
                + "Left as it is: adding partitions moves targets to other partitions and may reorder a target's "
                + "records in flight. To get " + configured + ": stop the producers, let the consumers drain the "
                + "topic, then add partitions (kafka-topics.sh --alter --partitions " + configured + "); or set "
                + "REWIND_TOPIC_PARTITIONS=" + existing + " to silence this.";
    }
}
