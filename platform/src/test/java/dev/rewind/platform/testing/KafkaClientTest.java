package dev.rewind.platform.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of tests that publish or read Kafka records: one {@link TestKafka} client per test class. */
public abstract class KafkaClientTest {

    protected static TestKafka kafka;

    @BeforeAll
    static void connectToKafka() {
        kafka = TestKafka.connect();
    }

    @AfterAll
    static void closeKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
