package dev.rewind.postmortem.api;

import dev.rewind.platform.http.FieldViolation;
import dev.rewind.platform.http.Problems;
import dev.rewind.platform.people.Person;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.checklist.Checklist;
import dev.rewind.postmortem.domain.checklist.ChecklistItem;
import dev.rewind.postmortem.domain.checklist.Mark;
import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.service.IncidentReader;
import dev.rewind.postmortem.service.checklist.Checklists;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** An incident's post-rollback checklist: read by readers, its items checked and unchecked by editors. */
@Path("/api/v1/incidents/{id}/checklist")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
public class ChecklistResource {

    private final Access access;
    private final IncidentReader reader;
    private final Checklists checklists;
    private final Clock clock;

    @Inject
    public ChecklistResource(Access access, IncidentReader reader, Checklists checklists, Clock clock) {
        this.access = access;
        this.reader = reader;
        this.checklists = checklists;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "The incident's post-rollback checklist: every item with its phase, due time, who checked "
            + "it and how, and whether it is overdue")
    public ChecklistViews.View get(@PathParam("id") String id) {
        access.reader();
        IncidentReader.Found found = IncidentResource.find(reader, id);
        Checklist checklist = checklists.of(found.incident())
                .orElseThrow(() -> new NotFoundException(notStarted(found.incident())));
        return view(found.incident(), checklist);
    }

    @PUT
    @Path("/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Check or uncheck an item, with a note (editors); answers the item as it now stands")
    @APIResponseSchema(value = ChecklistViews.Item.class, responseDescription = "The item as it now stands")
    @APIResponse(responseCode = "409", description = "The incident's rollback has not completed: no checklist yet")
    public ChecklistViews.Item mark(@PathParam("id") String id, @PathParam("item") String item,
                                    @NotNull(message = "a JSON body is required: {\"checked\": true, \"note\": "
                                            + "\"...\"}") @Valid ChecklistViews.MarkBody body) {
        Person editor = access.editor();
        ChecklistItem checklistItem = ChecklistItem.ofKey(item).orElseThrow(() -> new NotFoundException(
                "path parameter 'item': no checklist item '" + item + "'; the items are " + ChecklistItem.keys()));
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (!body.checked() && note == null) {
            throw Problems.of(Response.Status.BAD_REQUEST, "note: is required to uncheck an item: say why it is "
                    + "not done after all", List.of(FieldViolation.body("note", "is required to uncheck an item")));
        }
        // Lock the incident's row, then read it: its events' recording changes the same checklist.
        IncidentRecord.findById(IncidentResource.idOf(reader, id), LockModeType.PESSIMISTIC_WRITE);
        IncidentReader.Found found = IncidentResource.find(reader, id);
        if (found.incident().times().rollbackCompletedAt() == null) {
            throw Problems.of(Response.Status.CONFLICT, notStarted(found.incident()));
        }
        Checklist checklist = checklists.mark(found.incident(),
                new Mark(checklistItem, body.checked(), editor.name(), Instant.now(clock), note));
        return ChecklistViews.Item.of(checklist.entry(checklistItem));
    }

    private static ChecklistViews.View view(Incident incident, Checklist checklist) {
        return ChecklistViews.View.of(incident.number(), incident.target() == null ? null
                : incident.target().toString(), checklist);
    }

    private static String notStarted(Incident incident) {
        return reference(incident) + " has no post-rollback checklist yet: it starts when the rollback completes, and"
                + " the incident is " + incident.status();
    }

    private static String reference(Incident incident) {
        return incident.number() == null ? "incident " + incident.id() : "INCIDENT-" + incident.number();
    }
}
