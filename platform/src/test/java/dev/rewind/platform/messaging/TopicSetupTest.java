package dev.rewind.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.platform.testing.Infrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** Against the tests' real broker: missing topics appear with the configured partitions, existing ones stay. */
class TopicSetupTest {

    private final Map<String, Object> kafka =
            Map.of("bootstrap.servers", Infrastructure.kafka().get("kafka.bootstrap.servers"));

    @Test
    void createsMissingTopicsWithTheConfiguredPartitionsAndLeavesExistingOnes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String missing = "topic-setup-" + run + ".missing";
        String existing = "topic-setup-" + run + ".existing";
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(existing, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);

            setup(6).ensure(List.of(missing, existing));
            setup(6).ensure(List.of(missing, existing)); // a second instance starting: nothing more to do

            assertThat(partitions(admin, missing)).isEqualTo(6);
            assertThat(partitions(admin, existing)).isEqualTo(2);
        }
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic).partitions().size();
    }

    private TopicSetup setup(int partitions) {
        TopicSetup setup = new TopicSetup();
        setup.kafka = kafka;
        setup.config = new TopicsConfig() {
            @Override
            public boolean create() {
                return true;
            }

            @Override
            public int partitions() {
                return partitions;
            }

            @Override
            public short replicationFactor() {
                return 1;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
        return setup;
    }
}
