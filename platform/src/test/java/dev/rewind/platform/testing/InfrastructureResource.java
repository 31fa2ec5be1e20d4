package dev.rewind.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real Kafka broker and PostgreSQL of {@link Infrastructure}. Stopping is left
 * to the JVM's exit, so that test classes restarting Quarkus do not restart the servers.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(Infrastructure.kafka());
        config.putAll(Infrastructure.postgres());
        ConsumerBacklog.skip(Infrastructure.kafkaBootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        // Servers started here stop when the JVM exits; reused ones are never stopped.
    }
}
