package dev.rewind.postmortem.service.checklist;

import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.checklist.AutoCheck;
import dev.rewind.postmortem.domain.checklist.Checklist;
import dev.rewind.postmortem.domain.checklist.Mark;
import dev.rewind.postmortem.persistence.ChecklistItemRecord;
import dev.rewind.postmortem.persistence.ChecklistMarkRecord;
import dev.rewind.postmortem.service.IncidentRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Incidents' post-rollback checklists: folded from the record and people's marks when read, and stored (due times,
 * done or not) whenever an event or a person changes them, so that overdue items can be found across incidents.
 */
@ApplicationScoped
public class Checklists {

    private final ChecklistConfig config;
    private final Clock clock;

    @Inject
    public Checklists(ChecklistConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The checklist of {@code incident}; empty until its rollback completed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Checklist> of(Incident incident) {
        return Checklist.of(new AutoCheck.Facts(incident, incident.times().alertsResolvedAt()),
                ChecklistMarkRecord.latest(incident.id()), config.due().checklistDue(), Instant.now(clock));
    }

    /** Records a person's mark and stores the checklist it changed; the caller holds the incident's row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Checklist mark(Incident incident, Mark mark) {
        ChecklistMarkRecord.record(incident.id(), mark);
        ChecklistMarkRecord.flush();
        Checklist checklist = of(incident).orElseThrow();
        ChecklistItemRecord.save(checklist);
        return checklist;
    }

    /** Keeps the stored checklist current as the incident's events arrive, in the recording transaction. */
    void recorded(@Observes IncidentRecorded recorded) {
        of(recorded.incident()).ifPresent(ChecklistItemRecord::save);
    }
}
