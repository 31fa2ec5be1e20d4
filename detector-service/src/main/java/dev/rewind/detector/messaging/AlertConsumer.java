package dev.rewind.detector.messaging;

import dev.rewind.detector.config.IntakeConfig;
import dev.rewind.detector.service.AlertProcessor;
import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.Delivery;
import dev.rewind.platform.messaging.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code rewind.alerts} a poll at a time (an alert storm arrives as thousands of records). The batch is
 * split into lanes by target ({@link IntakeConfig#lanes()}), applied in parallel, each lane once and in one
 * transaction with its outgoing events; a target's alerts stay in order in their lane. A record that is not a valid
 * alert, or whose alert cannot be processed, goes to the dead-letter topic with its reason while the rest of its
 * batch applies; the batch's offsets are committed only after all of that.
 */
@ApplicationScoped
public class AlertConsumer {

    /** The incoming channel of normalized alerts. */
    public static final String CHANNEL = "alerts";

    private final IdempotentConsumer consumer;
    private final AlertProcessor processor;
    private final int lanes;
    private final ExecutorService laneWorkers;

    @Inject
    public AlertConsumer(IdempotentConsumer consumer, AlertProcessor processor, IntakeConfig config) {
        this.consumer = consumer;
        this.processor = processor;
        this.lanes = Math.max(1, config.lanes());
        AtomicInteger threads = new AtomicInteger();
        this.laneWorkers = Executors.newFixedThreadPool(lanes,
                task -> new Thread(task, "rewind-alert-lane-" + threads.incrementAndGet()));
    }

    @PreDestroy
    void stop() {
        laneWorkers.shutdown();
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<List<Integer>> laneIndexes = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            laneIndexes.add(new ArrayList<>());
        }
        for (int i = 0; i < records.size(); i++) {
            laneIndexes.get(laneOf(records.get(i).getKey())).add(i);
        }
        List<CompletableFuture<List<CompletableFuture<Void>>>> lanesApplied = new ArrayList<>();
        for (List<Integer> indexes : laneIndexes) {
            if (!indexes.isEmpty()) {
                lanesApplied.add(CompletableFuture.supplyAsync(() -> apply(records, indexes), laneWorkers));
            }
        }
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        lanesApplied.forEach(lane -> deadLettered.addAll(lane.join()));
        // Dead-lettered (the channel's failure strategy) before the batch's offsets are committed: a crash in
        // between sends a rejected record to the dead-letter topic again, never loses it.
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** Applies the records at {@code indexes} of the batch; returns the dead-lettering of those rejected. */
    private List<CompletableFuture<Void>> apply(List<KafkaRecord<String, String>> records, List<Integer> indexes) {
        List<ConsumerRecord<String, String>> lane = indexes.stream().map(i -> consumerRecord(records.get(i))).toList();
        return consumer.applyAll(Topics.ALERTS, lane,
                        deliveries -> processor.process(deliveries.stream().map(Delivery::event).toList()))
                .stream()
                .map(reject -> records.get(indexes.get(reject.index())).nack(reject.reason()).toCompletableFuture())
                .toList();
    }

    private int laneOf(String key) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), lanes);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException(
                        "record of " + record.getTopic() + " without its metadata"));
    }
}
