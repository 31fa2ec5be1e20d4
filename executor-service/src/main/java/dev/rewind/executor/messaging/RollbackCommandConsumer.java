package dev.rewind.executor.messaging;

import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.executor.service.CommandIntake;
import dev.rewind.platform.messaging.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code rewind.rollback-commands}: each command is recorded once as its incident's execution. */
@ApplicationScoped
public class RollbackCommandConsumer {

    /** The incoming channel of approved rollbacks. */
    public static final String CHANNEL = "rollback-commands";

    private final IdempotentConsumer consumer;
    private final CommandIntake intake;

    @Inject
    public RollbackCommandConsumer(IdempotentConsumer consumer, CommandIntake intake) {
        this.consumer = consumer;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.apply(Topics.ROLLBACK_COMMANDS, record,
                delivery -> intake.accept((RollbackApproved) delivery.event()));
    }
}
