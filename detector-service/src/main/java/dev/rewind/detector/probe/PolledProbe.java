package dev.rewind.detector.probe;

import dev.rewind.events.alert.AlertEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** One probe at work: each poll GETs its URL, counts the result in its streak and publishes what that calls for. */
final class PolledProbe {

    private static final Logger LOG = Logger.getLogger(PolledProbe.class);

    private final HealthProbe probe;
    private final ProbeCall call;
    private final FailureStreak streak;
    private final Clock clock;

    PolledProbe(HealthProbe probe, Clock clock) {
        this.probe = probe;
        this.call = new ProbeCall(probe);
        this.streak = new FailureStreak(probe.failuresBeforeAlert());
        this.clock = clock;
    }

    HealthProbe probe() {
        return probe;
    }

    /** Polls once; {@code publish} takes the alert the result calls for and throws when it could not. */
    void poll(Consumer<AlertEvent> publish) throws InterruptedException {
        Optional<String> problem = probe.expectation().problem(probe.url(), call.get());
        Instant now = Instant.now(clock);
        Optional<FailureStreak.Change> change = problem.isPresent()
                ? streak.failed(now, problem.get()) : streak.succeeded(now);
        if (problem.isPresent() && streak.failures() == 1) {
            LOG.infof("health probe %s failed (%d failures in a row raise an alert about %s): %s", probe.name(),
                    probe.failuresBeforeAlert(), probe.target(), problem.get());
        }
        if (change.isEmpty()) {
            return;
        }
        try {
            publish.accept(ProbeAlerts.of(probe, change.get(), now));
        } catch (RuntimeException e) {
            LOG.errorf(e, "health probe %s: the alert about %s could not be committed; it is offered again at the next "
                    + "poll. Check the detector's database connection", probe.name(), probe.target());
            return;
        }
        streak.published(change.get());
        if (change.get() instanceof FailureStreak.Fire fire) {
            LOG.warnf("health probe %s: %d failures in a row since %s, alert raised about %s: %s", probe.name(),
                    fire.failures(), fire.startsAt(), probe.target(), fire.lastProblem());
        } else {
            LOG.infof("health probe %s: healthy again, alert about %s resolved", probe.name(), probe.target());
        }
    }
}
