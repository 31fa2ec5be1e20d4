package dev.rewind.postmortem.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** People's edits of one incident's post-mortem, as JSON, with the edit count and who edited last and when. */
@Entity
@Table(name = "postmortem")
public class PostMortemRecord extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    /** How many edits were made: the document's ETag, which an edit must name. */
    @Column(nullable = false)
    public long revision;

    /** The domain's {@code PostMortemEdits} as JSON. */
    @Column(nullable = false)
    public String edits;

    @Column(name = "edited_by", nullable = false)
    public String editedBy;

    @Column(name = "edited_at", nullable = false)
    public Instant editedAt;

    /** The edits of {@code incidentId}'s post-mortem, if anyone edited it. */
    public static Optional<PostMortemRecord> of(UUID incidentId) {
        return findByIdOptional(incidentId);
    }

    /**
     * The edits of {@code incidentId}'s post-mortem, for an edit in this transaction. The incident's row is locked
     * first, until the transaction ends, so that two edits of one post-mortem are taken one after the other (the
     * second sees the first's revision), the very first edit included, when there is no post-mortem row to lock yet.
     */
    public static Optional<PostMortemRecord> forEdit(UUID incidentId) {
        IncidentRecord.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        return findByIdOptional(incidentId);
    }
}
