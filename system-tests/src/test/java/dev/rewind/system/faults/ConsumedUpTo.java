package dev.rewind.system.faults;

import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Proves that a consumer group has processed everything up to now without sleeping: a service commits a record's
 * offset only after its effect is durable, so once the group's committed offsets reach the topic's end offsets
 * (taken after the records in question arrived), any effect they would have had is visible.
 */
final class ConsumedUpTo {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private ConsumedUpTo() {
    }

    /**
     * Waits until {@code topic} holds at least {@code records} records keyed by {@code target} (what the outbox
     * relay still had to publish), then until consumer group {@code group} has committed past all of the topic.
     */
    static void awaitRecords(FaultLab lab, String topic, TargetKey target, int records, String group) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> lab.kafka()
                .recordsNow(topic, record -> target.toString().equals(record.key())).size() >= records);
        awaitGroup(lab, topic, group);
    }

    /** Waits until consumer group {@code group} has committed past every record {@code topic} holds now. */
    static void awaitGroup(FaultLab lab, String topic, String group) {
        try (Admin admin = lab.admin()) {
            Map<TopicPartition, Long> end = endOffsets(admin, topic);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        try {
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }
}
