package dev.rewind.notifier;

import dev.rewind.platform.testing.RecordingHttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Local stand-ins for every vendor the notifier talks to (Slack Web API, PagerDuty, Statuspage, Jira, GitHub), with
 * the notifier configured to use them, and dispatch retries made short so tests see them without waiting long.
 */
public class VendorStubsResource implements QuarkusTestResourceLifecycleManager {

    static RecordingHttpServer slack;
    static RecordingHttpServer pagerduty;
    static RecordingHttpServer statuspage;
    static RecordingHttpServer jira;
    static RecordingHttpServer github;

    @Override
    public Map<String, String> start() {
        slack = RecordingHttpServer.start();
        pagerduty = RecordingHttpServer.start();
        statuspage = RecordingHttpServer.start();
        jira = RecordingHttpServer.start();
        github = RecordingHttpServer.start();
        Map<String, String> config = new HashMap<>();
        config.put("rewind.notifier.dispatch.retry-backoff", "100ms");
        config.put("rewind.notifier.dispatch.max-retry-backoff", "400ms");
        config.put("rewind.notifier.dispatch.poll-interval", "200ms");
        config.put("rewind.notifier.slack.bot-token", "xoxb-test-token");
        config.put("rewind.notifier.slack.api-url", slack.url() + "/api");
        config.put("rewind.notifier.slack.channel", "C0ROLLBACK");
        config.put("rewind.notifier.pagerduty.routing-key", "R0UTINGKEY00000000000000000000PD");
        config.put("rewind.notifier.pagerduty.url", pagerduty.url());
        config.put("rewind.notifier.statuspage.api-key", "statuspage-test-key");
        config.put("rewind.notifier.statuspage.page-id", "pg0test");
        config.put("rewind.notifier.statuspage.url", statuspage.url());
        config.put("rewind.notifier.jira.url", jira.url());
        config.put("rewind.notifier.jira.email", "rewind@example.com");
        config.put("rewind.notifier.jira.api-token", "jira-test-token");
        config.put("rewind.notifier.jira.project", "OPS");
        config.put("rewind.notifier.git.api-url", github.url());
        config.put("rewind.notifier.git.token", "github-test-token");
        return config;
    }

    @Override
    public void stop() {
        for (RecordingHttpServer server : new RecordingHttpServer[] {slack, pagerduty, statuspage, jira, github}) {
            if (server != null) {
                server.close();
            }
        }
    }
}
