package dev.rewind.platform.messaging.outbox;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The outbox producer's delivery bounds, read from its effective configuration (Kafka's defaults where unset), and
 * what the relay derives from them.
 *
 * @param deliveryTimeout {@code delivery.timeout.ms}: the producer reports a record's outcome at most this long after
 *                        {@code send()} returned, its own retries included
 * @param maxBlock        {@code max.block.ms}: how long {@code send()} itself may block (metadata, buffer space)
 * @param maxRequestSize  {@code max.request.size}: the largest record the producer sends
 */
public record ProducerLimits(Duration deliveryTimeout, Duration maxBlock, int maxRequestSize, String acks,
                             boolean idempotenceEnabled, int maxInFlightRequests) {

    /** Room kept between the largest event and the largest record, for the key and the CloudEvents headers. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

    /** Reads the limits from a Kafka producer configuration, such as SmallRye's for the outbox channel. */
    public static ProducerLimits of(Map<String, ?> producerConfig) {
        return new ProducerLimits(
                Duration.ofMillis(Long.parseLong(value(producerConfig, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))),
                Duration.ofMillis(Long.parseLong(value(producerConfig, ProducerConfig.MAX_BLOCK_MS_CONFIG))),
                Integer.parseInt(value(producerConfig, ProducerConfig.MAX_REQUEST_SIZE_CONFIG)),
                value(producerConfig, ProducerConfig.ACKS_CONFIG),
                Boolean.parseBoolean(value(producerConfig, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)),
                Integer.parseInt(value(producerConfig, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)));
    }

    /**
     * How long the relay waits for a round's outcomes: the longest SmallRye's Kafka sink may take to report one.
     * The sink re-sends a record that failed with a retriable error as long as its backoff ends within
     * {@code delivery.timeout.ms} of the first send, and that last attempt may block {@code max.block.ms} and then
     * take {@code delivery.timeout.ms}: hence twice the delivery timeout plus the blocking bound, plus a second of
     * scheduling slack. A send still without an outcome after that is kept in flight, never sent again blindly.
     */
    public Duration ackWait() {
        return deliveryTimeout.multipliedBy(2).plus(maxBlock).plusSeconds(1);
    }

    /**
     * Checks that the relay's guarantees hold with these limits; throws an {@link IllegalStateException} naming the
     * settings to change otherwise.
     *
     * @param sinkMaxInflight SmallRye's {@code max-inflight-messages} for the channel (0 or less: unlimited)
     * @param emitterBuffer   the capacity of the relay's emitter buffer
     */
    public void validate(int batchSize, long sinkMaxInflight, int emitterBuffer, int maxEventBytes) {
        boolean acksAll = "all".equalsIgnoreCase(acks) || "-1".equals(acks);
        if (!acksAll || !idempotenceEnabled || maxInFlightRequests > 5) {
            throw new IllegalStateException("the outbox producer must be idempotent with acks=all and at most 5"
                    + " requests in flight (per-key order across its retries relies on it), but it has acks=" + acks
                    + ", enable.idempotence=" + idempotenceEnabled + ", max.in.flight.requests.per.connection="
                    + maxInFlightRequests + ": fix mp.messaging.outgoing.outbox.* in the configuration");
        }
        if ((long) maxEventBytes + RECORD_OVERHEAD_BYTES > maxRequestSize) {
            throw new IllegalStateException("rewind.messaging.outbox.max-event-bytes (" + maxEventBytes
                    + ") must stay at least " + RECORD_OVERHEAD_BYTES + " bytes below the outbox producer's"
                    + " max.request.size (" + maxRequestSize + ") to leave room for the key and headers: lower it, or"
                    + " raise mp.messaging.outgoing.outbox.max.request.size (and the broker's message.max.bytes)");
        }
        if (batchSize < 1 || batchSize > emitterBuffer) {
            throw new IllegalStateException("rewind.messaging.outbox.batch-size must be between 1 and "
                    + emitterBuffer + " (the relay's emitter buffer), got " + batchSize);
        }
        if (sinkMaxInflight > 0 && batchSize > sinkMaxInflight) {
            throw new IllegalStateException("rewind.messaging.outbox.batch-size (" + batchSize + ") exceeds"
                    + " mp.messaging.outgoing.outbox.max-inflight-messages (" + sinkMaxInflight + "): records would"
                    + " queue in front of the Kafka sink, beyond the relay's acknowledgement wait; raise the latter");
        }
    }

    private static String value(Map<String, ?> config, String name) {
        Object configured = config.get(name);
        return String.valueOf(configured != null ? configured : ProducerConfig.configDef().defaultValues().get(name));
    }
}
