package dev.rewind.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.request.Evidence;
import dev.rewind.events.request.RollbackRequested;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Records published by versions before 0.2 are still in the topics while a new version rolls out: they must parse,
 * or they land in the dead-letter topic and their incidents stay open for good.
 */
class LegacyRecordsTest {

    private static final UUID ALERT = UUID.fromString("0b8f7e52-7c1d-4a0e-9f3b-2a6c5d4e3f21");

    @Test
    void aRollbackRequestWhoseEvidenceIsAlertIdsParses() {
        String json = EventFixtures.legacy(RollbackRequested.class);

        RollbackRequested request = (RollbackRequested) Topics.ROLLBACK_REQUESTS.parse(
                Topic.typeOf(RollbackRequested.class), json);

        assertThat(request.evidence()).containsExactly(new Evidence(ALERT, null, Signal.UNKNOWN, null, null, null,
                null));
        assertThat(request.release()).isEqualTo(EventFixtures.event(RollbackRequested.class).release());
        assertThat(request.rollbackTo()).isNull();
        assertThat(request.hold()).isNull();
    }

    @Test
    void evidenceFromAnAlertIdKeepsReadingOnceWrittenAgain() throws Exception {
        List<Evidence> legacy = EventJson.read(EventFixtures.legacy(RollbackRequested.class), RollbackRequested.class)
                .evidence();

        List<Evidence> reread = EventJson.mapper().readValue(EventJson.write(legacy), new TypeReference<>() { });

        assertThat(reread).isEqualTo(legacy);
    }

    @Test
    void currentEvidenceStillNeedsItsSourceAndStart() throws Exception {
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventFixtures.json(RollbackRequested.class));
        ((ObjectNode) tree.at("/evidence/0")).remove("startsAt");

        assertThatThrownBy(() -> EventJson.read(tree.toString(), RollbackRequested.class))
                .isInstanceOf(EventParseException.class).hasMessageContaining("'startsAt' is required");
    }

    @Test
    void evidenceThatIsNoAlertIdIsRefusedWithTheReason() {
        String json = EventFixtures.legacy(RollbackRequested.class).replace(ALERT.toString(), "not-a-uuid");

        assertThatThrownBy(() -> EventJson.read(json, RollbackRequested.class))
                .isInstanceOf(EventParseException.class).hasMessageContaining("not-a-uuid");
    }

    @Test
    void anApprovalRequestWithRequiredApprovalsAndApproverRolesParses() {
        ApprovalRequested request = (ApprovalRequested) Topics.INCIDENT_EVENTS.parse(
                Topic.typeOf(ApprovalRequested.class), EventFixtures.legacy(ApprovalRequested.class));

        assertThat(request.approvals()).containsExactly(List.of("oncall", "team-lead"));
        assertThat(request.excluded()).isEmpty();
        assertThat(request.deadline()).isEqualTo(Instant.parse("2026-11-15T14:40:31.400Z"));
        assertThat(request.expiresAt()).isNull();
    }

    @Test
    void anOldRequestForTwoApprovalsAsksForTwoPeopleOfThoseRoles() {
        String json = EventFixtures.legacy(ApprovalRequested.class)
                .replace("\"requiredApprovals\": 1", "\"requiredApprovals\": 2");

        ApprovalRequested request = EventJson.read(json, ApprovalRequested.class);

        assertThat(request.approvals()).containsExactly(List.of("oncall", "team-lead"), List.of("oncall", "team-lead"));
    }

    @Test
    void anApprovalRequestOfThisVersionIsReadAsWritten() {
        ApprovalRequested request = EventFixtures.event(ApprovalRequested.class);

        assertThat(request.approvals()).containsExactly(List.of("oncall", "team-lead"));
        assertThat(request.excluded()).containsExactly("jane.dev");
        assertThat(request.expiresAt()).isEqualTo(Instant.parse("2026-11-16T14:25:31.400Z"));
    }

    @Test
    void aNotificationDeliveredWithoutWhatWasSaidParses() {
        NotificationDelivered delivered = (NotificationDelivered) Topics.INCIDENT_EVENTS.parse(
                Topic.typeOf(NotificationDelivered.class), EventFixtures.legacy(NotificationDelivered.class));

        assertThat(delivered.channel()).isEqualTo("slack");
        assertThat(delivered.notification()).isNull();
        assertThat(delivered.summary()).isNull();
    }
}
