package dev.rewind.platform.messaging.outbox;

import dev.rewind.platform.http.QueryParameters;
import dev.rewind.platform.messaging.OutboxAppended;
import dev.rewind.platform.messaging.OutboxRecord;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.logging.Logger;

/**
 * The records this service's outbox parked because Kafka refused them for good, and their replay once the cause is
 * fixed. A replayed record goes back to pending at its old position: it is sent ahead of its key's records that are
 * still pending, but after those published while it was parked (out of order, by a person's explicit act).
 * Not authenticated yet: expose it only where the service's other endpoints are.
 */
@Path("/api/v1/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedOutboxResource {

    /** One parked record. {@code payloadBytes} is the UTF-8 size of its payload. */
    public record ParkedRecord(long position, UUID eventId, String topic, String key, String type, String subject,
                               Instant createdAt, Instant parkedAt, String reason, int attempts, int payloadBytes) {

        static ParkedRecord of(OutboxRecord record) {
            return new ParkedRecord(record.position, record.eventId, record.topic, record.recordKey, record.eventType,
                    record.subject, record.createdAt, record.parkedAt, record.parkReason, record.attempts,
                    record.payload.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /** The parked records, oldest first, and how many there are in all. */
    public record ParkedRecords(long total, List<ParkedRecord> records) {
    }

    /** The answer to a replay: the record is pending again. */
    public record Replayed(long position, String status) {
    }

    private static final int MAX_LIMIT = 1000;

    private static final Logger LOG = Logger.getLogger(ParkedOutboxResource.class);

    private final Event<OutboxAppended> appended;

    @Inject
    public ParkedOutboxResource(Event<OutboxAppended> appended) {
        this.appended = appended;
    }

    @GET
    @Transactional
    public ParkedRecords list(@QueryParam("limit") @DefaultValue("100") String limit) {
        return new ParkedRecords(OutboxRecord.count("parkedAt is not null"),
                OutboxRecord.parked(QueryParameters.limit(limit, MAX_LIMIT)).stream().map(ParkedRecord::of).toList());
    }

    /** Puts a parked record back in the stream; 404 for an unknown position, 409 for one that is not parked. */
    @POST
    @Path("/{position}/replay")
    @Transactional
    @APIResponseSchema(value = Replayed.class, responseCode = "202", responseDescription = "pending again")
    @APIResponse(responseCode = "409", description = "the record at this position is not parked")
    public Response replay(@PathParam("position") long position) {
        OutboxRecord record = OutboxRecord.findById(position);
        if (record == null) {
            throw new NotFoundException("this service's outbox has no record at position " + position
                    + "; GET /api/v1/outbox/parked lists the parked ones");
        }
        if (record.parkedAt == null) {
            throw new ClientErrorException("outbox record " + position + " is not parked (it is "
                    + (record.publishedAt == null ? "pending" : "published since " + record.publishedAt)
                    + "); only parked records can be replayed", Response.Status.CONFLICT);
        }
        LOG.warnf("outbox record %d (topic %s, key %s, type %s) replayed on request; it was parked at %s: %s",
                position, record.topic, record.recordKey, record.eventType, record.parkedAt, record.parkReason);
        record.parkedAt = null;
        record.parkReason = null;
        record.attempts = 0;
        record.nextAttemptAt = null;
        appended.fire(new OutboxAppended(record.topic));
        return Response.accepted(new Replayed(position, "PENDING")).build();
    }
}
