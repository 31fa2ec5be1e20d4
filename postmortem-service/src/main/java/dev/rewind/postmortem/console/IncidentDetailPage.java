package dev.rewind.postmortem.console;

import dev.rewind.platform.people.Person;
import dev.rewind.postmortem.api.Access;
import dev.rewind.postmortem.api.ChecklistViews;
import dev.rewind.postmortem.api.IncidentResource;
import dev.rewind.postmortem.api.IncidentViews;
import dev.rewind.postmortem.api.PostMortems;
import dev.rewind.postmortem.console.view.DeadlineBadge;
import dev.rewind.postmortem.console.view.Phase;
import dev.rewind.postmortem.console.view.PostMortemForm;
import dev.rewind.postmortem.console.view.SafeMarkdown;
import dev.rewind.postmortem.console.view.TimelineItem;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.postmortem.PostMortem;
import dev.rewind.postmortem.domain.postmortem.PostMortemMarkdown;
import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.service.IncidentReader;
import dev.rewind.postmortem.service.checklist.Checklists;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * One incident in the console: a visual timeline with the time between moments, the evidence, the decision and any
 * guard, the executor's diagnosis, notifications, the checklist with due times, and the post-mortem, editable.
 */
@Path("/console/incidents/{id}")
@Produces(MediaType.TEXT_HTML)
public class IncidentDetailPage {

    private final Access access;
    private final Chromes chromes;
    private final IncidentReader reader;
    private final Checklists checklists;
    private final PostMortems postMortems;
    private final Validator validator;
    private final Clock clock;

    @Inject
    public IncidentDetailPage(Access access, Chromes chromes, IncidentReader reader, Checklists checklists,
                              PostMortems postMortems, Validator validator, Clock clock) {
        this.access = access;
        this.chromes = chromes;
        this.reader = reader;
        this.checklists = checklists;
        this.postMortems = postMortems;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The post-mortem part of the page.
     *
     * @param html the post-mortem rendered from its Markdown; null when the record is too thin to write one
     * @param unavailable why there is no post-mortem, or null
     * @param saved true right after an edit was saved
     */
    public record PostMortemPart(String incidentId, String html, String unavailable, PostMortemForm form,
                                 boolean editable, boolean saved, List<String> problems) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incident(Chrome chrome, IncidentViews.Detail detail, DeadlineBadge deadline,
                                                List<TimelineItem> timeline, List<Phase> phases,
                                                ChecklistViews.View checklist, PostMortemPart postMortem);

        static native TemplateInstance incident$postMortem(PostMortemPart postMortem);
    }

    @GET
    @Transactional
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") String id) {
        access.reader();
        IncidentReader.Found found = find(id);
        Incident incident = found.incident();
        IncidentViews.Detail detail = IncidentViews.Detail.of(IncidentRecord.findById(incident.id()), incident,
                found.timeline());
        Instant now = Instant.now(clock);
        ChecklistViews.View checklist = checklists.of(incident)
                .map(list -> ChecklistViews.View.of(detail.number(), detail.target(), list)).orElse(null);
        return Templates.incident(chromes.of("incidents"), detail,
                DeadlineBadge.of(detail.deadline().state(), incident.times().detectedAt(), detail.deadline().dueAt(), now,
                        !incident.status().isFinal()),
                TimelineItem.of(detail.timeline(), incident.times().detectedAt()), Phase.of(incident.times()),
                checklist, postMortem(incident, false, List.of(), null));
    }

    /**
     * Saves an edit made in the page's editor, on the revision the page was read at, and answers the post-mortem part
     * again: as saved, or with the editor's text and what is wrong with it (nothing is lost to a refused edit).
     */
    @POST
    @Path("/postmortem")
    @Operation(hidden = true)
    public TemplateInstance editPostMortem(@PathParam("id") String id, @RestHeader("HX-Request") String htmx,
                                           @RestForm long revision, @RestForm String impact,
                                           @RestForm String rootCause, @RestForm String wentWell,
                                           @RestForm String couldImprove, @RestForm String actionItems) {
        ConsoleRequests.requireFromConsole(htmx);
        Person editor = access.editor();
        PostMortemForm submitted = new PostMortemForm(revision, impact, rootCause, wentWell, couldImprove,
                actionItems);
        record Checked(Incident incident, PostMortemForm.Reading reading, List<String> problems) {
        }
        Checked checked = QuarkusTransaction.requiringNew().call(() -> {
            Incident incident = find(id).incident();
            PostMortem current = postMortems.of(incident).orElse(null);
            if (current == null) {
                return new Checked(incident, null, List.of());
            }
            PostMortemForm.Reading reading = submitted.changesFrom(PostMortemForm.of(current));
            List<String> problems = new ArrayList<>(reading.problems());
            for (ConstraintViolation<?> violation : validator.validate(reading.edit())) {
                problems.add(violation.getPropertyPath() + ": " + violation.getMessage());
            }
            if (problems.isEmpty() && reading.changesNothing()) {
                problems.add("nothing changed: edit a section, then save");
            }
            return new Checked(incident, reading, problems);
        });
        List<String> problems = checked.problems();
        if (checked.reading() != null && problems.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> postMortems.edit(checked.incident().id().toString(),
                        "\"" + revision + "\"", checked.reading().edit(), editor));
            } catch (HttpProblem | WebApplicationException refused) {
                problems = List.of(ConsoleProblems.detail(refused));
            }
        }
        boolean saved = checked.reading() != null && problems.isEmpty();
        List<String> shown = problems;
        return Templates.incident$postMortem(QuarkusTransaction.requiringNew().call(() ->
                postMortem(find(id).incident(), saved, shown, saved ? null : submitted)));
    }

    private PostMortemPart postMortem(Incident incident, boolean saved, List<String> problems,
                                      PostMortemForm submitted) {
        String incidentId = incident.id().toString();
        return postMortems.of(incident)
                .map(postMortem -> new PostMortemPart(incidentId,
                        SafeMarkdown.html(PostMortemMarkdown.render(postMortem)), null,
                        submitted != null ? submitted : PostMortemForm.of(postMortem), access.mayEdit(), saved,
                        problems))
                .orElseGet(() -> new PostMortemPart(incidentId, null, "This incident was recorded before Rewind kept "
                        + "each event's content (version 0.4): its record is too thin to write a post-mortem from.",
                        null, false, false, problems));
    }

    private IncidentReader.Found find(String id) {
        return IncidentResource.find(reader, id);
    }
}
