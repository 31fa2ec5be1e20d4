package dev.rewind.executor.messaging;

import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.executor.service.CommandIntake;
import dev.rewind.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code rewind.rollback-commands}: each command is recorded once as its incident's execution. */
@ApplicationScoped
public class RollbackCommandConsumer {

    /** The incoming channel of approved rollbacks. */
    public static final String CHANNEL = "rollback-commands";

    private final Inbox inbox;
    private final CommandIntake intake;

    @Inject
    public RollbackCommandConsumer(Inbox inbox, CommandIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(Topics.ROLLBACK_COMMANDS, record)
                .ifPresent(delivery -> intake.accept((RollbackApproved) delivery.event()));
    }
}
