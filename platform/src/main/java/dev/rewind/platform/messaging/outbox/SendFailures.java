package dev.rewind.platform.messaging.outbox;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApplicationRecoverableException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidRequiredAcksException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Tells a send failure that sending again cannot cure (the broker or the client refused this record: too large,
 * invalid topic, not serializable, ...) from one that may pass (broker down, timeout, leader change).
 * <p>
 * Kafka marks the second kind with {@link RetriableException}; every other {@link KafkaException} is a refusal,
 * except the few that are about the producer, the connection or permissions rather than the record (fenced
 * producer, lost sequence, authentication, authorization, interruption, protocol version): parking those would take
 * every record of a topic out of its key's order for a fault an operator fixes once, so they are retried, and the
 * outbox's pending age turns readiness DOWN. Failures that are not Kafka's verdict (a closed producer, a full emitter
 * buffer) are retried too. The wrappers Kafka and the futures put around a cause are looked through.
 */
public final class SendFailures {

    private static final List<Class<? extends Throwable>> NOT_ABOUT_THE_RECORD = List.of(
            ApplicationRecoverableException.class, // ProducerFencedException, InvalidProducerEpochException
            OutOfOrderSequenceException.class, // and UnknownProducerIdException
            TransactionAbortedException.class,
            AuthenticationException.class,
            AuthorizationException.class,
            InterruptException.class,
            InvalidRequiredAcksException.class,
            UnsupportedVersionException.class);

    private SendFailures() {
    }

    /** Why the broker or the client refused the record for good, or empty when sending it again may work. */
    public static Optional<String> permanentRejection(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RetriableException || !(cause instanceof KafkaException)
                || cause.getClass() == KafkaException.class
                || NOT_ABOUT_THE_RECORD.stream().anyMatch(type -> type.isInstance(cause))) {
            return Optional.empty();
        }
        return Optional.of(describe(cause));
    }

    /** One line for logs and the outbox's last_error: the exception's simple name and message. */
    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** Looks through future wrappers and through plain KafkaExceptions that only carry a cause. */
    private static Throwable unwrap(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        while (current.getCause() != null && seen.add(current) && isWrapper(current)) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isWrapper(Throwable failure) {
        return failure instanceof CompletionException || failure instanceof ExecutionException
                || failure.getClass() == KafkaException.class;
    }
}
