package dev.rewind.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Deletes published outbox records once they are older than the configured retention. */
@ApplicationScoped
public class OutboxJanitor {

    private static final Logger LOG = Logger.getLogger(OutboxJanitor.class);

    private final MessagingConfig config;
    private final Clock clock;

    @Inject
    public OutboxJanitor(MessagingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgePublished() {
        Instant cutoff = Instant.now(clock).minus(config.outbox().retention());
        long purged = QuarkusTransaction.requiringNew().call(() -> OutboxRecord.deletePublishedBefore(cutoff));
        if (purged > 0) {
            LOG.debugf("purged %d published outbox records older than %s", purged, cutoff);
        }
    }
}
