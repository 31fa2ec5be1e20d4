package dev.rewind.platform.health;

import dev.rewind.platform.messaging.MessagingConfig;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.messaging.outbox.OutboxBacklog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the outbox: DOWN while its oldest pending record is older than
 * {@code rewind.messaging.outbox.max-pending-age}, since the service's events then do not reach Kafka. Parked records
 * are counted in the data but do not turn it DOWN: they hold nothing back and wait for a person.
 */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    public static final String NAME = "Outbox relay";

    private final Clock clock;
    private final Duration maxPendingAge;

    @Inject
    public OutboxReadinessCheck(Clock clock, MessagingConfig config) {
        this.clock = clock;
        this.maxPendingAge = config.outbox().maxPendingAge();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return evaluate(QuarkusTransaction.requiringNew().call(OutboxRecord::backlog), Instant.now(clock),
                    maxPendingAge);
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", "cannot read the outbox table: " + e.getMessage()).build();
        }
    }

    /** The readiness of an outbox holding {@code backlog} at {@code now}. */
    public static HealthCheckResponse evaluate(OutboxBacklog backlog, Instant now, Duration maxPendingAge) {
        Optional<Duration> age = backlog.oldestPendingAge(now);
        boolean tooOld = age.filter(a -> a.compareTo(maxPendingAge) > 0).isPresent();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(!tooOld)
                .withData("pending", backlog.pending())
                .withData("parked", backlog.parked())
                .withData("maxPendingAge", maxPendingAge.toString());
        age.ifPresent(a -> response.withData("oldestPendingAge", a.toString())
                .withData("oldestPendingAgeSeconds", a.toSeconds()));
        if (tooOld) {
            response.withData("reason", "the oldest pending outbox record is " + age.get().toSeconds() + "s old, over"
                    + " rewind.messaging.outbox.max-pending-age (" + maxPendingAge.toSeconds() + "s): events are not"
                    + " reaching Kafka; see the outbox relay's WARN logs and last_error in the outbox table");
        }
        return response.build();
    }
}
