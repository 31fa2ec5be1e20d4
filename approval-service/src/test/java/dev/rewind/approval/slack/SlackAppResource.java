package dev.rewind.approval.slack;

import dev.rewind.platform.testing.RecordingHttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Slack app as the approval service sees it in tests: a signing secret, three mapped Slack users, and a stand-in
 * for Slack's response_urls that records every reply.
 */
public class SlackAppResource implements QuarkusTestResourceLifecycleManager {

    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5-test";
    /** Olivia is on call. */
    static final String ONCALL = "U0ONCALL01";
    /** Dave is a developer: no role that approves. */
    static final String DEVELOPER = "U0DEVELOP1";
    /** Jane deployed the release the test requests judge bad. */
    static final String DEPLOY_AUTHOR = "U0JANEDEV1";

    static RecordingHttpServer slack;

    @Override
    public Map<String, String> start() {
        slack = RecordingHttpServer.start();
        return Map.of(
                "rewind.approval.slack.signing-secret", SIGNING_SECRET,
                "rewind.approval.slack.response-url-prefix", slack.url() + "/actions/",
                "rewind.approval.slack.users." + ONCALL + ".name", "olivia",
                "rewind.approval.slack.users." + ONCALL + ".roles", "oncall",
                "rewind.approval.slack.users." + DEVELOPER + ".name", "dave",
                "rewind.approval.slack.users." + DEVELOPER + ".roles", "developer",
                "rewind.approval.slack.users." + DEPLOY_AUTHOR + ".name", "jane.dev",
                "rewind.approval.slack.users." + DEPLOY_AUTHOR + ".roles", "oncall");
    }

    @Override
    public void stop() {
        slack.close();
    }
}
