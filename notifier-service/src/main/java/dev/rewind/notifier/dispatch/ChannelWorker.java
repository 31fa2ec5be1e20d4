package dev.rewind.notifier.dispatch;

import dev.rewind.notifier.channel.NotificationChannel;
import dev.rewind.notifier.channel.SendResult;
import dev.rewind.platform.tracing.MessageTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends one channel's due deliveries on the channel's own thread, one at a time, until none is due. A 429 pauses the
 * whole channel until its Retry-After, since the vendor limits the channel, not the message.
 */
final class ChannelWorker {

    private static final Logger LOG = Logger.getLogger(ChannelWorker.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final NotificationChannel channel;
    private final DeliverySettler settler;
    private final Clock clock;
    private final MessageTracing tracing;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final ExecutorService thread;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile long unsettled;

    ChannelWorker(NotificationChannel channel, DeliverySettler settler, Clock clock, MessageTracing tracing) {
        this.tracing = tracing;
        this.channel = channel;
        this.settler = settler;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread worker = new Thread(task, "rewind-notify-" + channel.name());
            worker.setDaemon(true);
            return worker;
        });
    }

    void start() {
        wakeUp();
    }

    void stop() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
            thread.shutdownNow(); // a send cut short stays claimed: its lease settles it after the restart
        }
    }

    /** Asks for a round; wake-ups while one is queued are merged into it. */
    void wakeUp() {
        if (!thread.isShutdown() && wakeUpPending.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                wakeUpPending.set(false);
            }
        }
    }

    /** Unsettled deliveries of this channel as last counted, for the gauge. */
    double unsettled() {
        return unsettled;
    }

    private void drain() {
        wakeUpPending.set(false);
        try {
            while (Instant.now(clock).isAfter(pausedUntil) && round() > 0) {
                // go on while there was something due
            }
            unsettled = settler.unsettled(channel.name());
        } catch (RuntimeException e) {
            LOG.warnf("%s: notification round failed, trying again on the next wake-up: %s", channel.name(),
                    e.toString());
        }
    }

    private int round() {
        List<Claimed> claimed = settler.claim(channel, Instant.now(clock));
        for (Claimed delivery : claimed) {
            if (!Instant.now(clock).isAfter(pausedUntil)) {
                settler.release(delivery, pausedUntil);
                continue;
            }
            Settlement settlement = sendAndSettle(delivery);
            if (settlement instanceof Settlement.RetryAt retry && retry.pauseChannel()) {
                pausedUntil = retry.at();
                LOG.infof("%s asked to slow down: nothing is sent to it before %s", channel.name(), retry.at());
            }
        }
        return claimed.size();
    }

    /**
     * Sends and records the outcome in a span continuing the trace of the event it is about: the vendor call and the
     * delivered or failed event it causes are part of the alert's trace.
     */
    private Settlement sendAndSettle(Claimed delivery) {
        Span span = tracing.startLater("notify " + channel.name(), delivery.traceParent());
        span.setAttribute("rewind.notification", delivery.outgoing().notification());
        try (Scope scope = span.makeCurrent()) {
            SendResult result = send(delivery);
            span.setAttribute("rewind.notification.result", result.getClass().getSimpleName());
            if (result instanceof SendResult.Retry || result instanceof SendResult.Refused) {
                span.setStatus(StatusCode.ERROR, result.toString());
            }
            return settler.settle(channel, delivery, result, Instant.now(clock));
        } catch (RuntimeException e) {
            MessageTracing.markFailed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private SendResult send(Claimed delivery) {
        try {
            return channel.send(delivery.outgoing(), delivery.earlier());
        } catch (RuntimeException e) {
            return new SendResult.Retry(null, channel.name() + " could not send it: " + e);
        }
    }
}
