package dev.rewind.approval.slack;

import dev.rewind.approval.domain.Verdict;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A press on one of Rewind's approval buttons, read from a {@code block_actions} payload: who pressed which button
 * about which request, with the reason typed into the message's reason input, if any.
 *
 * @param requestId the button's value: the approval request it decides, as Rewind posted it
 */
public record ButtonPress(String slackUserId, String slackUsername, String teamId, Verdict verdict,
                          String requestId, String reason, String responseUrl) {

    /** The action id of the Approve button. */
    public static final String APPROVE = "rewind_approve";
    /** The action id of the Reject button. */
    public static final String REJECT = "rewind_reject";
    /** The action id of the reason input. */
    public static final String REASON = "rewind_reason";

    /** The Rewind button pressed in {@code payload}; empty for any other interaction (Slack sends them all here). */
    public static Optional<ButtonPress> of(BlockActions payload) {
        if (!BlockActions.TYPE.equals(payload.type()) || payload.user() == null) {
            return Optional.empty();
        }
        return payload.actions().stream()
                .filter(action -> verdictOf(action.actionId()) != null)
                .findFirst()
                .map(action -> new ButtonPress(payload.user().id(), payload.user().username(), teamOf(payload),
                        verdictOf(action.actionId()), action.value(), reasonIn(payload.state()),
                        payload.responseUrl()));
    }

    /** The request id the button carries; empty when it is not one. */
    public Optional<UUID> request() {
        if (requestId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(requestId.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Verdict verdictOf(String actionId) {
        if (APPROVE.equals(actionId)) {
            return Verdict.APPROVE;
        }
        return REJECT.equals(actionId) ? Verdict.REJECT : null;
    }

    private static String teamOf(BlockActions payload) {
        return payload.team() != null ? payload.team().id() : payload.user().teamId();
    }

    private static String reasonIn(BlockActions.State state) {
        if (state == null || state.values() == null) {
            return null;
        }
        return state.values().values().stream()
                .map(inputs -> inputs.get(REASON))
                .filter(Objects::nonNull)
                .map(BlockActions.InputValue::value)
                .filter(value -> value != null && !value.isBlank())
                .map(String::strip)
                .findFirst().orElse(null);
    }
}
