package dev.rewind.notifier.dispatch;

import dev.rewind.notifier.channel.NotificationChannel;
import dev.rewind.platform.metrics.RewindMeters;
import dev.rewind.platform.metrics.RewindMetric;
import dev.rewind.platform.tracing.MessageTracing;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends recorded notifications after commit: one worker per channel, so a channel that is down or slow never delays
 * the others. A commit that records deliveries wakes its channels at once; a timer wakes every channel for due
 * retries and for sends lost to a crash.
 */
@ApplicationScoped
public class Dispatcher {

    private final ChannelRegistry channels;
    private final DeliverySettler settler;
    private final DispatchConfig config;
    private final RewindMeters metrics;
    private final Clock clock;
    private final MessageTracing tracing;
    private final Map<String, ChannelWorker> workers = new LinkedHashMap<>();

    @Inject
    public Dispatcher(ChannelRegistry channels, DeliverySettler settler, DispatchConfig config, RewindMeters metrics,
                      Clock clock, MessageTracing tracing) {
        this.tracing = tracing;
        this.channels = channels;
        this.settler = settler;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup, Scheduler scheduler) {
        for (NotificationChannel channel : channels.enabled()) {
            ChannelWorker worker = new ChannelWorker(channel, settler, clock, tracing);
            worker.start();
            metrics.gauge(RewindMetric.NOTIFICATIONS_UNSETTLED, worker::unsettled, channel.name());
            workers.put(channel.name(), worker);
        }
        scheduler.newJob("rewind-notification-dispatch")
                .setInterval(config.pollInterval().toMillis() + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> workers.values().forEach(ChannelWorker::wakeUp))
                .schedule();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        for (ChannelWorker worker : workers.values()) {
            worker.stop();
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesRecorded recorded) {
        recorded.channels().forEach(name -> {
            ChannelWorker worker = workers.get(name);
            if (worker != null) {
                worker.wakeUp();
            }
        });
    }
}
