package dev.rewind.postmortem.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.platform.http.FieldViolation;
import dev.rewind.platform.http.Problems;
import dev.rewind.platform.people.Person;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.postmortem.Phrases;
import dev.rewind.postmortem.domain.postmortem.PostMortem;
import dev.rewind.postmortem.domain.postmortem.PostMortemEdits;
import dev.rewind.postmortem.persistence.PostMortemRecord;
import dev.rewind.postmortem.service.IncidentReader;
import dev.rewind.postmortem.service.checklist.PostMortemChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads and edits post-mortems, for the API and the console alike: each read writes the post-mortem from the incident's
 * record and people's edits; an edit names the revision it was made on, so that no one's edit is silently lost.
 */
@ApplicationScoped
public class PostMortems {

    private final IncidentReader reader;
    private final ObjectMapper json;
    private final Clock clock;
    private final PostMortemChecks postMortemChecks;

    @Inject
    public PostMortems(IncidentReader reader, ObjectMapper json, Clock clock, PostMortemChecks postMortemChecks) {
        this.reader = reader;
        this.json = json;
        this.clock = clock;
        this.postMortemChecks = postMortemChecks;
    }

    /** The post-mortem of the incident {@code id} names (id or number); 404, 400 or 409 problems as the API answers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PostMortem read(String id) {
        Incident incident = IncidentResource.find(reader, id).incident();
        return of(incident).orElseThrow(() -> tooThin(incident));
    }

    /** The post-mortem of {@code incident}; empty when its record is too thin to write one (recorded before 0.4). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PostMortem> of(Incident incident) {
        if (incident.times().detectedAt() == null) {
            return Optional.empty();
        }
        PostMortemRecord record = PostMortemRecord.of(incident.id()).orElse(null);
        return Optional.of(PostMortem.of(incident, edits(record), record == null ? 0 : record.revision));
    }

    /**
     * {@code editor}'s {@code edit}, made on revision {@code ifMatch} (an ETag); the post-mortem as it now stands.
     * A valid edit only: bean validation of {@code edit} is the caller's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PostMortem edit(String id, String ifMatch, PostMortemEdit edit, Person editor) {
        Incident incident = written(IncidentResource.find(reader, id).incident());
        List<FieldViolation> problems = edit.problems(Phrases.day(incident.times().detectedAt()));
        if (!problems.isEmpty()) {
            throw Problems.summarising(Response.Status.BAD_REQUEST, "the edit is invalid; nothing was changed",
                    problems);
        }
        if (edit.changesNothing()) {
            throw Problems.of(Response.Status.BAD_REQUEST, "the edit changes nothing: set at least one of "
                    + PostMortemEdits.SECTIONS + ", or name sections in 'reset'");
        }
        PostMortemRecord record = PostMortemRecord.forEdit(incident.id()).orElse(null);
        incident = IncidentResource.find(reader, id).incident(); // again, now that its row is locked
        long revision = record == null ? 0 : record.revision;
        EditPrecondition.requireCurrent(ifMatch, revision);
        Instant now = Instant.now(clock);
        PostMortemEdits edits = edit.applyTo(edits(record), editor.name(), now);
        if (record == null) {
            record = new PostMortemRecord();
            record.incidentId = incident.id();
        }
        record.revision = revision + 1;
        record.edits = write(edits);
        record.editedBy = editor.name();
        record.editedAt = now;
        record.persist();
        postMortemChecks.edited(incident, edit.rootCause() != null && !edit.rootCause().isBlank(),
                edit.actionItems() != null && !edit.actionItems().isEmpty(), editor.name(), now);
        return PostMortem.of(incident, edits, record.revision);
    }

    /** {@code incident}, whose record can fill a post-mortem; 409 for one recorded before its events were kept. */
    private static Incident written(Incident incident) {
        if (incident.times().detectedAt() == null) {
            throw tooThin(incident);
        }
        return incident;
    }

    private static RuntimeException tooThin(Incident incident) {
        return Problems.of(Response.Status.CONFLICT, "incident " + incident.id() + " was recorded before Rewind "
                + "kept each event's content (version 0.4): its record is too thin to write a post-mortem from; "
                + "its timeline is at /api/v1/incidents/" + incident.id());
    }

    private PostMortemEdits edits(PostMortemRecord record) {
        if (record == null) {
            return PostMortemEdits.NONE;
        }
        try {
            return json.readValue(record.edits, PostMortemEdits.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored edits of the post-mortem of incident " + record.incidentId
                    + " are not readable JSON; fix or delete its row in table postmortem", e);
        }
    }

    private String write(PostMortemEdits edits) {
        try {
            return json.writeValueAsString(edits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a post-mortem's edits as JSON", e);
        }
    }
}
