package dev.rewind.notifier.domain;

import static dev.rewind.notifier.domain.RollbackAnnouncementTest.fields;
import static dev.rewind.notifier.domain.RollbackAnnouncementTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.ApprovalRequested;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApprovalRequestTest {

    private static final UUID REQUEST = UUID.fromString("2d0b9a74-9e3f-4c20-b15d-4c8e7f6a5b43");
    private static final TargetKey TARGET = TargetKey.parse("production/payments/checkout");
    private final IncidentContext incident = new IncidentContext(TARGET, 123L, Severity.P0, "Health check failing",
            null, "v1.3.0", null);

    @Test
    void asksForApprovalWithTheRunbookFactsAReasonBoxAndButtons() {
        SlackMessage message = ApprovalRequest.render(incident, asked(List.of(List.of("oncall")), List.of("jane.dev")),
                MessageSettings.defaults());

        JsonNode json = json(message);
        assertThat(json.at("/blocks/0/text/text").asText()).isEqualTo("⏳ PRODUCTION ROLLBACK NEEDS APPROVAL");
        assertThat(fields(json, 1)).containsExactly(
                "*Environment*: Production",
                "*Service*: checkout",
                "*From Version*: v1.3.0",
                "*Severity*: P0",
                "*Reason*: Health check failing",
                "*Status*: Awaiting approval",
                "*Decide By*: <!date^1763217031^{date_short_pretty} {time}|2025-11-15 14:30 UTC>",
                "*Who May Approve*: one person with role oncall",
                "*May Not Approve*: jane.dev");
        JsonNode blocks = json.path("blocks");
        JsonNode context = blocks.get(blocks.size() - 3);
        assertThat(context.path("type").asText()).isEqualTo("context");
        assertThat(context.at("/elements/0/text").asText()).contains("INCIDENT-123").contains(REQUEST.toString());
        // The approval service reads these back from Slack's interaction payloads: ids and values must not change.
        JsonNode input = blocks.get(blocks.size() - 2);
        assertThat(input.path("type").asText()).isEqualTo("input");
        assertThat(input.path("block_id").asText()).isEqualTo("rewind_reason");
        assertThat(input.path("optional").asBoolean()).isTrue();
        assertThat(input.at("/element/type").asText()).isEqualTo("plain_text_input");
        assertThat(input.at("/element/action_id").asText()).isEqualTo(ApprovalRequest.REASON);
        JsonNode actions = blocks.get(blocks.size() - 1);
        assertThat(actions.path("type").asText()).isEqualTo("actions");
        assertThat(actions.path("block_id").asText()).isEqualTo("rewind_decision");
        assertThat(actions.path("elements").findValuesAsText("action_id"))
                .containsExactly(ApprovalRequest.APPROVE, ApprovalRequest.REJECT)
                .containsExactly("rewind_approve", "rewind_reject");
        assertThat(actions.path("elements").findValuesAsText("style")).containsExactly("primary", "danger");
        assertThat(actions.path("elements").findValuesAsText("value")).containsOnly(REQUEST.toString());
        assertThat(message.text()).startsWith("⏳ PRODUCTION ROLLBACK NEEDS APPROVAL\nEnvironment: Production");
    }

    @Test
    void saysWhenEitherOfTwoRolesMayApproveAndWhenTwoPeopleMust() {
        assertThat(ApprovalRequest.whoMayApprove(List.of(List.of("oncall", "team-lead"))))
                .isEqualTo("one person with role oncall or team-lead");
        assertThat(ApprovalRequest.whoMayApprove(List.of(List.of("team-lead"), List.of("reviewer"))))
                .isEqualTo("team-lead + reviewer, 2 different people");
    }

    @Test
    void anUnknownReasonSaysUnknownAndNobodyExcludedOrUnknownVersionIsLeftOut() {
        IncidentContext sparse = new IncidentContext(TARGET, null, null, null, null, null, null);

        SlackMessage message = ApprovalRequest.render(sparse, asked(List.of(List.of("oncall")), List.of()),
                MessageSettings.defaults());

        assertThat(fields(json(message), 1)).contains("*Reason*: unknown")
                .noneMatch(field -> field.startsWith("*May Not Approve*"))
                .noneMatch(field -> field.contains("Version"));
    }

    private static ApprovalRequested asked(List<List<String>> approvals, List<String> excluded) {
        Instant deadline = Instant.parse("2025-11-15T14:30:31Z");
        return new ApprovalRequested(UUID.randomUUID(), TARGET, REQUEST, Severity.P0, approvals, excluded, deadline,
                deadline.plusSeconds(86_400), deadline.minusSeconds(300));
    }
}
