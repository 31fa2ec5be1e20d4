package dev.rewind.approval.slack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Replies to an interaction, but only at a {@code response_url} under the configured prefix (Slack's own host by
 * default): a payload is signed, yet Rewind posts nowhere its operator did not allow. Failures are logged, never
 * thrown: by the time Rewind replies, the vote is already committed.
 */
@ApplicationScoped
public class SlackResponder {

    private static final Logger LOG = Logger.getLogger(SlackResponder.class);
    /** {@code scheme://host[:port]}, nothing after it. */
    private static final Pattern BARE_ORIGIN = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*[^/?#:]$");

    private final SlackReplies replies;
    private final String prefix;

    @Inject
    public SlackResponder(SlackReplies replies, SlackConfig config) {
        this.replies = replies;
        this.prefix = config.responseUrlPrefix();
    }

    /** Sends {@code reply} in the background when {@code responseUrl} is allowed; logs and skips it otherwise. */
    public void reply(String responseUrl, SlackReply reply) {
        Optional<URI> allowed = allowed(responseUrl, prefix);
        if (allowed.isEmpty()) {
            LOG.warnf("Not replying to a Slack interaction: its response_url %s is not under "
                    + "rewind.approval.slack.response-url-prefix (%s); the vote, if any, stands", hostOf(responseUrl),
                    prefix);
            return;
        }
        replies.post(allowed.get(), reply).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warnf("Slack did not take Rewind's reply at %s (%s); the vote, if any, stands: the person sees "
                        + "no update in Slack and can check the request through the approvals API",
                        hostOf(responseUrl), failure.toString());
            }
        });
    }

    /**
     * {@code responseUrl} as a URI when it starts with {@code prefix} and names a host with no user info (which
     * could otherwise move the real host past the prefix: {@code http://127.0.0.1:80@attacker.example/}). A prefix
     * that is a bare origin is read as ending with a slash, so that {@code https://hooks.slack.com} cannot let
     * {@code https://hooks.slack.com.attacker.example/} through.
     */
    static Optional<URI> allowed(String responseUrl, String prefix) {
        if (responseUrl == null || prefix == null || prefix.isBlank()) {
            return Optional.empty();
        }
        String base = BARE_ORIGIN.matcher(prefix).matches() ? prefix + "/" : prefix;
        if (!responseUrl.startsWith(base)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(responseUrl);
            return uri.getHost() != null && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A response_url is a credential for 30 minutes: logs name its host only. */
    private static String hostOf(String responseUrl) {
        try {
            String host = URI.create(responseUrl).getHost();
            return host == null ? "(no host)" : "host " + host;
        } catch (RuntimeException e) {
            return "(not a URL)";
        }
    }
}
