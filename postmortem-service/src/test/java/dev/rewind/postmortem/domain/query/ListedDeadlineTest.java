package dev.rewind.postmortem.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.postmortem.domain.Deadlines;
import dev.rewind.postmortem.domain.FixtureStory;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.Incident.DeadlineState;
import dev.rewind.postmortem.domain.IncidentHistory;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListedDeadlineTest {

    private static final Instant DUE = Instant.parse("2026-11-15T14:40:00Z");

    @Test
    void rolledBackByTheDeadlineIsMetAndAfterItMissed() {
        assertThat(ListedDeadline.state(IncidentStatus.ROLLED_BACK, DUE, DUE, DUE.plusSeconds(9)))
                .isEqualTo(DeadlineState.MET);
        assertThat(ListedDeadline.state(IncidentStatus.ROLLED_BACK_UNVERIFIED, DUE, DUE.plusMillis(1), DUE))
                .isEqualTo(DeadlineState.MISSED);
    }

    @Test
    void notRolledBackIsPendingUntilTheDeadlineThenMissedUnlessNoRollbackWasToHappen() {
        assertThat(ListedDeadline.state(IncidentStatus.AWAITING_APPROVAL, DUE, null, DUE))
                .isEqualTo(DeadlineState.PENDING);
        assertThat(ListedDeadline.state(IncidentStatus.AWAITING_APPROVAL, DUE, null, DUE.plusSeconds(1)))
                .isEqualTo(DeadlineState.MISSED);
        assertThat(ListedDeadline.state(IncidentStatus.DECLINED, DUE, null, DUE.plusSeconds(1)))
                .isEqualTo(DeadlineState.NOT_APPLICABLE);
        assertThat(ListedDeadline.state(IncidentStatus.REJECTED, DUE, null, DUE.plusSeconds(1)))
                .isEqualTo(DeadlineState.NOT_APPLICABLE);
        assertThat(ListedDeadline.state(IncidentStatus.OPEN, null, null, DUE))
                .as("severity unknown").isEqualTo(DeadlineState.NOT_APPLICABLE);
    }

    @Test
    void agreesWithTheWholeRecordAtEveryStepOfTheFixtureStories() {
        for (List<String> story : List.of(FixtureStory.RECOVERED, FixtureStory.FAILED)) {
            for (int arrived = 1; arrived <= story.size(); arrived++) {
                List<IncidentHistory.Recorded> events = FixtureStory.recorded(story.subList(0, arrived));
                Instant opened = events.get(0).event().occurredAt();
                for (Instant now : List.of(opened.plusSeconds(60), FixtureStory.LATER)) {
                    Incident incident = IncidentHistory.fold(FixtureStory.INCIDENT, events, Deadlines.runbook(), now);
                    assertThat(ListedDeadline.state(incident.status(), incident.deadline().dueAt(),
                            incident.times().rollbackCompletedAt(), now))
                            .as("%s after %d events", now, arrived).isEqualTo(incident.deadline().state());
                }
            }
        }
    }
}
