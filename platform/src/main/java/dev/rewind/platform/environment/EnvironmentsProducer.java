package dev.rewind.platform.environment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.HashMap;
import java.util.Map;

/** Builds the configured {@link Environments}. */
@ApplicationScoped
public class EnvironmentsProducer {

    @Produces
    @ApplicationScoped
    Environments environments(EnvironmentsConfig config) {
        Map<String, Environment> byName = new HashMap<>();
        config.all().forEach((name, environment) -> byName.put(name, new Environment(name, environment.context(),
                environment.namespaces(), environment.deploymentLabels())));
        return new Environments(byName);
    }
}
