package dev.rewind.platform.testing;

import static org.awaitility.Awaitility.await;

import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Topic;
import dev.rewind.platform.messaging.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain Kafka client for tests: publishes events as a Rewind service would (CloudEvents binary headers, keyed by
 * target), or raw records as a broken producer would, and waits for the records a service publishes.
 */
public final class TestKafka implements AutoCloseable {

    /** How long a test waits for a record before failing. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public TestKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props);
    }

    /** A client of the test infrastructure's broker. */
    public static TestKafka connect() {
        return new TestKafka(Infrastructure.kafkaBootstrapServers());
    }

    /** Publishes {@code event} with a fresh CloudEvents id; returns the id. */
    public <E extends RewindEvent> UUID send(Topic<E> topic, E event) {
        UUID id = UUID.randomUUID();
        send(topic, id, event);
        return id;
    }

    /** Publishes {@code event} with the given CloudEvents id, as a redelivery would. */
    public <E extends RewindEvent> void send(Topic<E> topic, UUID id, E event) {
        sendRaw(topic.name(), event.target().toString(), EventJson.write(event), cloudEventHeaders(id, topic.typeOf(event),
                event));
    }

    /** The binary-mode headers a Rewind producer writes for {@code event}. */
    public static Map<String, String> cloudEventHeaders(UUID id, String type, RewindEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, id.toString());
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, "/rewind/tests");
        headers.put(CloudEventHeaders.SUBJECT, event.subject());
        headers.put(CloudEventHeaders.TIME,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt().atOffset(ZoneOffset.UTC)));
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }

    /** Publishes a record exactly as given and waits for the broker's acknowledgement. */
    public void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** Waits until {@code topic} holds a record matching {@code match}; returns the first one. */
    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecords(topic, match, 1).get(0);
    }

    /** Waits until {@code topic} holds at least {@code count} records matching {@code match}; returns them all. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                            int count) {
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        consume(topic, record -> {
            if (match.test(record)) {
                matched.add(record);
            }
            return matched.size() >= count;
        });
        return matched;
    }

    /**
     * The records of {@code topic} matching {@code match}, read from the beginning until a record matching
     * {@code last} (included when it matches). Records of one key keep their order, so with {@code last} a marker
     * published after the records in question, this sees every one of them: no sleeping to prove an absence.
     */
    public List<ConsumerRecord<String, String>> recordsUntil(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                            Predicate<ConsumerRecord<String, String>> last) {
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        consume(topic, record -> {
            if (match.test(record)) {
                matched.add(record);
            }
            return last.test(record);
        });
        return matched;
    }

    /**
     * The records of {@code topic} matching {@code match} among all it holds now: read from the beginning up to the
     * end offsets at the time of the call. Proves an absence (nothing dead-lettered) without waiting for one.
     */
    public List<ConsumerRecord<String, String>> recordsNow(String topic, Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        matched.add(record);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return matched;
    }

    /** Reads {@code topic} from the beginning, record by record, until {@code done} says so or patience runs out. */
    private void consume(String topic, Predicate<ConsumerRecord<String, String>> done) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            boolean[] finished = {false};
            await().atMost(PATIENCE).pollInterval(Duration.ZERO).pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!finished[0] && done.test(record)) {
                        finished[0] = true;
                    }
                }
                return finished[0];
            });
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "rewind-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    /** The value of header {@code name}, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Matches records whose header {@code name} equals {@code value}. */
    public static Predicate<ConsumerRecord<String, String>> withHeader(String name, String value) {
        return record -> value.equals(header(record, name));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
