package dev.rewind.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class DeadLetterUnlessStoppingTest {

    private final List<Long> deadLettered = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger counted = new AtomicInteger();
    private final KafkaFailureHandler handler = new DeadLetterUnlessStopping.Handler(new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            deadLettered.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    }, stopping::get, counted::incrementAndGet, "rewind.alerts.dlq");

    @Test
    void aRecordThatCannotBeProcessedIsDeadLetteredWhileTheServiceRuns() {
        Uni<Void> handled = handler.handle(record(7), new IllegalArgumentException("not an alert"), Metadata.empty());

        assertThat(completes(handled)).isTrue();
        assertThat(deadLettered).containsExactly(7L);
        assertThat(counted).as("rewind_dead_lettered_total of the channel").hasValue(1);
    }

    @Test
    void aRecordThatFailsWhileTheServiceStopsIsNeitherDeadLetteredNorAcknowledged() {
        stopping.set(true);

        Uni<Void> handled = handler.handle(record(8), new IllegalStateException("EntityManagerFactory is closed"),
                Metadata.empty());

        assertThat(completes(handled)).as("a completed failure handling would let its offset be committed").isFalse();
        assertThat(deadLettered).isEmpty();
        assertThat(counted).hasValue(0);
    }

    @Test
    void everyKafkaChannelOfEveryServiceUsesIt() throws IOException {
        Properties defaults = PlatformDefaults.load();

        assertThat(defaults.getProperty("mp.messaging.connector.smallrye-kafka.failure-strategy"))
                .isEqualTo(DeadLetterUnlessStopping.STRATEGY);
    }

    /** True when {@code handled} completes (item or failure) as soon as it is subscribed to. */
    private static boolean completes(Uni<Void> handled) {
        AtomicBoolean completed = new AtomicBoolean();
        handled.subscribe().with(item -> completed.set(true), failure -> completed.set(true));
        return completed.get();
    }

    private static IncomingKafkaRecord<String, String> record(long offset) {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("rewind.alerts", 0, offset, "development/shop/checkout",
                "{}"), "alerts", -1, null, null, false, false);
    }
}
