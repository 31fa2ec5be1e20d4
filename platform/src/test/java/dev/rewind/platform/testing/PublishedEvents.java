package dev.rewind.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.RewindEvent;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.platform.messaging.CloudEventHeaders;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Test helpers for records a service published: matchers and the CloudEvents contract every record keeps. */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    /** The namespace each test environment owns (the {@code %test} profile's rewind.environments). */
    public static final Map<String, String> TEST_NAMESPACES =
            Map.of("development", "shop", "staging", "storefront", "production", "payments");

    /** A target no other test uses, in environment {@code environment} and the namespace it owns in tests. */
    public static TargetKey uniqueTarget(String environment) {
        String namespace = TEST_NAMESPACES.get(environment);
        if (namespace == null) {
            throw new IllegalArgumentException("no test environment " + environment + ": use one of "
                    + TEST_NAMESPACES.keySet());
        }
        return new TargetKey(environment, namespace, "svc-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Matches records keyed by {@code target}. */
    public static Predicate<ConsumerRecord<String, String>> about(TargetKey target) {
        return record -> target.toString().equals(record.key());
    }

    /** Matches records keyed by {@code target} whose CloudEvents type is that of {@code eventClass}. */
    public static Predicate<ConsumerRecord<String, String>> about(TargetKey target,
                                                                 Class<? extends RewindEvent> eventClass) {
        return about(target).and(TestKafka.withHeader(CloudEventHeaders.TYPE, Topic.typeOf(eventClass)));
    }

    /**
     * Asserts the CloudEvents binary-mode contract and parses the payload: keyed by target, ce_id a UUID, ce_type of
     * the event's class, ce_source the publishing service, ce_subject the event's subject, ce_time RFC 3339.
     */
    public static <E extends RewindEvent> E assertCloudEvent(ConsumerRecord<String, String> record, Topic<? super E> topic,
                                                            Class<E> eventClass, String service) {
        String type = TestKafka.header(record, CloudEventHeaders.TYPE);
        assertThat(type).isEqualTo(Topic.typeOf(eventClass));
        E event = eventClass.cast(topic.parse(type, record.value()));
        assertThat(record.topic()).isEqualTo(topic.name());
        assertThat(record.key()).isEqualTo(event.target().toString());
        assertThat(TestKafka.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(UUID.fromString(TestKafka.header(record, CloudEventHeaders.ID))).isNotNull();
        assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/rewind/" + service);
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(event.subject());
        assertThat(OffsetDateTime.parse(TestKafka.header(record, CloudEventHeaders.TIME)).toInstant())
                .isEqualTo(event.occurredAt());
        return event;
    }
}
