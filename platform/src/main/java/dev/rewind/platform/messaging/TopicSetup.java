package dev.rewind.platform.messaging;

import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the Rewind topics and their dead-letter topics that are missing, with the configured partitions and
 * replication, before the service's consumers subscribe: a production broker does not auto-create topics, and one
 * that does would use its own partition count. Every service creates the whole set (any one may start first).
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    @Inject
    TopicsConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    /** The topics every service makes sure of: each Rewind topic and its dead-letter topic. */
    public static List<String> rewindTopics() {
        List<String> names = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            names.add(topic.name());
            names.add(topic.deadLetterTopic());
        }
        return names;
    }

    // Before the messaging channels start (SmallRye's lifecycle observes at LIBRARY_BEFORE), so no consumer
    // subscribes to a topic a broker would auto-create with its own partition count.
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE - 100) StartupEvent start) {
        if (config.create()) {
            ensure(rewindTopics());
        }
    }

    /** Creates those of {@code topics} that are missing; warns about those with fewer partitions than configured. */
    public void ensure(List<String> topics) {
        Map<String, Object> admin = new HashMap<>(kafka);
        int timeoutMs = (int) config.timeout().toMillis();
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin client = Admin.create(admin)) {
            Map<String, Integer> existing = new HashMap<>();
            List<String> present = client.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS).stream()
                    .filter(topics::contains).toList();
            client.describeTopics(present).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS)
                    .forEach((name, description) -> existing.put(name, description.partitions().size()));
            TopicPlan plan = TopicPlan.of(topics, existing, config.partitions());
            plan.warnings().forEach(LOG::warn);
            create(client, plan.toCreate(), timeoutMs);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("Kafka topics %s not checked or created (%s): the consumers wait for them; create them with "
                    + "%d partitions, or fix the broker connection (kafka.bootstrap.servers) and restart.",
                    topics, Optional.ofNullable(e.getCause()).orElse(e), config.partitions());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void create(Admin client, List<String> names, int timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (names.isEmpty()) {
            return;
        }
        List<NewTopic> topics = names.stream()
                .map(name -> new NewTopic(name, config.partitions(), config.replicationFactor())).toList();
        for (var created : client.createTopics(topics).values().entrySet()) {
            try {
                created.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
                LOG.infof("Kafka topic %s created with %d partitions, replication factor %d", created.getKey(),
                        config.partitions(), config.replicationFactor());
            } catch (ExecutionException e) {
                // Another instance starting at the same time created it first: as good.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
