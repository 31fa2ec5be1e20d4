package dev.rewind.approval.slack;

import dev.rewind.approval.config.ApprovalConfig;
import dev.rewind.approval.domain.Approver;
import dev.rewind.approval.domain.Ballot;
import dev.rewind.approval.domain.Channel;
import dev.rewind.approval.service.DecisionResult;
import dev.rewind.approval.service.Decisions;
import dev.rewind.approval.service.RequestNotFound;
import dev.rewind.approval.service.VoteRefused;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns presses on the approval message's buttons into votes, under exactly the API's rules ({@link Decisions}): the
 * Slack user votes as the Rewind identity configured for them, or not at all. The vote is committed first; the
 * presser then sees the message updated with the decision, or an ephemeral reply saying why nothing was counted.
 */
@ApplicationScoped
public class SlackInteractions {

    private static final Logger LOG = Logger.getLogger(SlackInteractions.class);

    private final Optional<SlackSignature> signature;
    private final SlackIdentities identities;
    private final Optional<String> teamId;
    private final Decisions decisions;
    private final SlackResponder responder;

    @Inject
    public SlackInteractions(SlackConfig config, ApprovalConfig approvalConfig, Clock clock, Decisions decisions,
                             SlackResponder responder) {
        this.signature = config.signingSecret().filter(secret -> !secret.isBlank())
                .map(secret -> new SlackSignature(secret, clock, config.maxRequestAge()));
        this.identities = new SlackIdentities(approvers(config), approvalConfig.roles());
        this.teamId = config.teamId().filter(team -> !team.isBlank());
        this.decisions = decisions;
        this.responder = responder;
    }

    /** Says at start whether people can vote in Slack; a mapping naming an unknown role fails here, not at 3 a.m. */
    void report(@Observes StartupEvent started) {
        if (signature.isEmpty()) {
            LOG.info("Slack interactions are off: set REWIND_SLACK_SIGNING_SECRET to let people approve in Slack");
        } else {
            LOG.infof("Slack interactions are on at %s", SlackInteractionResource.PATH);
        }
    }

    /** The verifier of Slack's signatures; empty when no signing secret is configured. */
    public Optional<SlackSignature> signature() {
        return signature;
    }

    /** Handles a {@code block_actions} payload whose signature holds; anything but Rewind's buttons is ignored. */
    public void handle(BlockActions payload) {
        ButtonPress.of(payload).ifPresent(press -> responder.reply(press.responseUrl(), vote(press, payload)));
    }

    private SlackReply vote(ButtonPress press, BlockActions payload) {
        if (teamId.isPresent() && !teamId.get().equals(press.teamId())) {
            LOG.warnf("Refused a Slack vote from workspace %s: Rewind takes votes from %s only "
                    + "(rewind.approval.slack.team-id)", press.teamId(), teamId.get());
            return SlackReply.ephemeral("This Slack workspace is not the one Rewind takes votes from; your vote was "
                    + "not counted.");
        }
        Optional<Approver> approver = identities.approver(press.slackUserId());
        if (approver.isEmpty()) {
            LOG.infof("Slack user %s (%s) pressed %s but is not mapped to a Rewind identity: no vote",
                    press.slackUserId(), press.slackUsername(), press.verdict());
            return DecisionMessages.notMapped(press);
        }
        Optional<UUID> requestId = press.request();
        if (requestId.isEmpty()) {
            return SlackReply.ephemeral("This button names no Rewind request ('" + press.requestId() + "'); your "
                    + "vote was not counted. Decide through the approvals API.");
        }
        try {
            DecisionResult result = decisions.decide(requestId.get(), approver.get(), press.verdict(),
                    press.reason(), Channel.SLACK);
            LOG.infof("%s voted %s on request %s in Slack (%s): %s", approver.get().name(), press.verdict(),
                    result.requestId(), press.slackUserId(), result.repeated() ? "repeated, nothing changed"
                            : result.state());
            if (result.repeated()) {
                return DecisionMessages.repeated(result, press.verdict());
            }
            return DecisionMessages.recorded(payload.message() == null ? List.of()
                    : payload.message().blocks(), result, approver.get(), press.verdict(), press.reason());
        } catch (VoteRefused refused) {
            return DecisionMessages.refused(refused.getMessage(),
                    refused.refusal() == Ballot.Refusal.REASON_REQUIRED);
        } catch (RequestNotFound missing) {
            return SlackReply.ephemeral(missing.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record %s's %s on request %s from Slack", approver.get().name(),
                    press.verdict(), requestId.get());
            return SlackReply.ephemeral("Rewind could not record your vote (" + e.getClass().getSimpleName()
                    + "): nothing was counted. Press the button again in a minute, or decide through the approvals "
                    + "API.");
        }
    }

    private static Map<String, Approver> approvers(SlackConfig config) {
        Map<String, Approver> approvers = new HashMap<>();
        config.users().forEach((slackId, user) -> approvers.put(slackId,
                new Approver(user.name(), user.roles().orElse(Set.of()))));
        return approvers;
    }
}
