package dev.rewind.detector.probe;

import dev.rewind.detector.service.AlertIntake;
import dev.rewind.platform.environment.Environments;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Polls the configured health URLs and turns a probe's failure streak into one alert through {@link AlertIntake},
 * resolved at its first success. Each probe is its own scheduler job, skipped while its previous poll still runs. A
 * misconfigured probe stops the start, naming its key.
 */
@ApplicationScoped
public class HealthProbes {

    private static final Logger LOG = Logger.getLogger(HealthProbes.class);

    private final HealthProbesConfig config;
    private final Environments environments;
    private final AlertIntake intake;
    private final Clock clock;

    @Inject
    public HealthProbes(HealthProbesConfig config, Environments environments, AlertIntake intake, Clock clock) {
        this.config = config;
        this.environments = environments;
        this.intake = intake;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup, Scheduler scheduler) {
        for (HealthProbe probe : probes()) {
            PolledProbe polled = new PolledProbe(probe, clock);
            scheduler.newJob("rewind-health-probe-" + probe.name())
                    .setInterval(probe.interval().toMillis() + "ms")
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> poll(polled))
                    .schedule();
            LOG.infof("health probe %s: GET %s every %s, expecting %s, alert about %s after %d failures in a row",
                    probe.name(), probe.url(), probe.interval(), probe.expectation().status(), probe.target(),
                    probe.failuresBeforeAlert());
        }
    }

    /** The configured probes, each checked. */
    List<HealthProbe> probes() {
        List<HealthProbe> probes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        new TreeMap<>(config.probes()).forEach((name, probe) -> {
            try {
                probes.add(HealthProbe.of(name, probe, environments));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the detector's health probes are misconfigured, so it does not start; fix "
                    + "these keys (application.properties or the detector's ConfigMap): "
                    + String.join("; ", problems));
        }
        return probes;
    }

    private void poll(PolledProbe polled) {
        try {
            polled.poll(alert -> intake.accept(List.of(alert)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
