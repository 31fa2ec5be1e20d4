package dev.rewind.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The Rewind records other modules' tests left on the shared test broker are not this service's to process: before a
 * service under test starts, its consumer group is moved to the end of every Rewind topic. Without this, a service
 * tested late in a full build first worked through thousands of other modules' events while its own tests waited.
 * Only the test broker is touched; records the tests send afterwards are consumed as usual.
 */
final class ConsumerBacklog {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ConsumerBacklog() {
    }

    /** Moves the service's consumer group (its quarkus.application.name) past every record now on a Rewind topic. */
    static void skip(String bootstrapServers) {
        String group = applicationName();
        if (group == null) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith("rewind.")).collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                    .forEach((topic, description) -> description.partitions().forEach(
                            p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(latest).all()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // A group with live members cannot be moved (a second application start in this JVM): nothing to skip.
            System.err.println("consumer group " + group + " not moved past the backlog: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String applicationName() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("application.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("quarkus.application.name");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
