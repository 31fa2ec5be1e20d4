package dev.rewind.system;

import dev.rewind.platform.testing.Infrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: the broker's own floor for Rewind's path, with no Rewind code in it. A 1 KiB keyed record
 * goes through {@code rewind.bench.hops} (4) produce-to-consume hops on the tests' broker, each hop a consumer that
 * produces the record on to the next topic as a service would, with the outbox producer's settings (acks=all,
 * idempotent, linger.ms=1) and 3-partition topics like Rewind's. Messages go one at a time, each on a new key (as
 * alerts on distinct targets), timed from the first send to the last consume. Run with
 * {@code bench/rollback-latency.sh}; writes {@code system-tests/target/bench/hop-floor.txt}.
 */
class HopFloorBench {

    private static final int HOPS = Integer.getInteger("rewind.bench.hops", 4);
    private static final int WARM_UP = 20;
    private static final int RUNS = Integer.getInteger("rewind.bench.floor-runs", 500);
    private static final int RECORD_BYTES = 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void producedToConsumedThroughHops() throws Exception {
        String bootstrap = Infrastructure.kafkaBootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> topics = new ArrayList<>();
        for (int hop = 0; hop < HOPS; hop++) {
            topics.add("rewind.bench.floor-" + run + ".hop-" + hop);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, 3, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        }
        BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> hops = new ArrayList<>();
        List<KafkaProducer<String, String>> producers = new ArrayList<>();
        try {
            for (int hop = 0; hop < HOPS; hop++) {
                KafkaProducer<String, String> next = hop + 1 < HOPS ? producer(bootstrap) : null;
                if (next != null) {
                    producers.add(next);
                }
                String nextTopic = hop + 1 < HOPS ? topics.get(hop + 1) : null;
                KafkaConsumer<String, String> consumer = consumer(bootstrap, topics.get(hop));
                Thread thread = new Thread(() -> relay(consumer, next, nextTopic, arrivals, running),
                        "floor-hop-" + hop);
                thread.start();
                hops.add(thread);
            }
            KafkaProducer<String, String> first = producer(bootstrap);
            producers.add(first);
            String payload = "x".repeat(RECORD_BYTES);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long sent = System.nanoTime();
                first.send(new ProducerRecord<>(topics.get(0), "floor/" + run + "/target-" + i, payload));
                Long arrived = arrivals.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (arrived == null) {
                    throw new IllegalStateException("record " + i + " did not arrive through " + HOPS + " hops within "
                            + PATIENCE + ": is the broker at " + bootstrap + " up?");
                }
                if (i >= WARM_UP) {
                    millis.add((arrived - sent) / 1_000_000.0);
                }
            }
            write(millis);
        } finally {
            running.set(false);
            for (Thread thread : hops) {
                thread.join(5_000);
            }
            producers.forEach(KafkaProducer::close);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** One hop: consumes its topic and produces each record on to the next one, or reports its arrival. */
    private static void relay(KafkaConsumer<String, String> consumer, KafkaProducer<String, String> next,
                              String nextTopic, BlockingQueue<Long> arrivals, AtomicBoolean running) {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (next == null) {
                        arrivals.add(System.nanoTime());
                    } else {
                        next.send(new ProducerRecord<>(nextTopic, record.key(), record.value()));
                    }
                }
            }
        }
    }

    /** The outbox producer's delivery settings (platform microprofile-config.properties). */
    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(props);
    }

    /** A consumer of all of {@code topic}'s partitions from their current end (nothing is committed). */
    private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end offsets now, not on the first record
        return consumer;
    }

    private static void write(List<Double> millis) throws IOException {
        List<Double> sorted = millis.stream().sorted().toList();
        String report = String.format(Locale.ROOT, """
                broker floor: %d produce-to-consume hops, 1 KiB keyed record, acks=all, idempotent, linger.ms=1 (ms), \
                %d sequential messages after %d warm-up
                p50 %.2f  p90 %.2f  p99 %.2f  worst %.2f  best %.2f
                per hop p50 %.2f
                """, HOPS, RUNS, WARM_UP, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.get(sorted.size() - 1), sorted.get(0), percentile(sorted, 50) / HOPS);
        Path out = Path.of("target/bench/hop-floor.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
