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
        slack.answer(SlackWebApiStub::answer);
        Map<String, String> config = new HashMap<>();
        config.put("rewind.notifier.dispatch.retry-backoff", "100ms");
        config.put("rewind.notifier.dispatch.max-retry-backoff", "400ms");
        config.put("rewind.notifier.dispatch.poll-interval", "200ms");
        // Fixture events happened days ago: the escalation path would page their levels within a minute and add
        // escalated-<n> messages to every test's stubs. Its own test (EscalationTimerTest) runs in a boot of its own.
        config.put("rewind.notifier.escalation.enabled", "false");
        config.put("rewind.notifier.slack.bot-token", "xoxb-test-token");
        config.put("rewind.notifier.slack.api-url", slack.url() + "/api");
        config.put("rewind.notifier.slack.channel", "C0ROLLBACK");
        // Production P0 incidents go to their own channel (SlackDeliveryTest); the others to C0ROLLBACK.
        config.put("rewind.notifier.slack.routes.critical.environments", "production");
        config.put("rewind.notifier.slack.routes.critical.severities", "P0");
        config.put("rewind.notifier.slack.routes.critical.channel", "C0CRITICAL");
        config.put("rewind.notifier.slack.escalation-mentions.2", "<!subteam^S0DEVOPS>");
        config.put("rewind.notifier.pagerduty.routing-key", "R0UTINGKEY00000000000000000000PD");
        config.put("rewind.notifier.pagerduty.url", pagerduty.url());
        config.put("rewind.notifier.pagerduty.escalation-routing-keys.2", "ESCALATI0N2KEY0000000000000000PD");
        // PagerDuty hears of production only by default; StatuspageDeliveryTest's "live" incidents page too.
        config.put("rewind.notifier.pagerduty.environments", "production,live");
        config.put("rewind.notifier.statuspage.api-key", "statuspage-test-key");
        config.put("rewind.notifier.statuspage.page-id", "pg0test");
        config.put("rewind.notifier.statuspage.url", statuspage.url());
        // Only Statuspage's own tests use environment "live": other tests' production incidents open no status page
        // incident (whose create answer, carrying nothing of the target, these tests could not tell from theirs).
        config.put("rewind.notifier.statuspage.environments", "live");
        config.put("rewind.notifier.jira.url", jira.url());
        config.put("rewind.notifier.jira.email", "rewind@example.com");
        config.put("rewind.notifier.jira.api-token", "jira-test-token");
        config.put("rewind.notifier.jira.project", "OPS");
        // Tickets only for staging rollbacks, so other tests' production rollbacks open none.
        config.put("rewind.notifier.jira.environments", "staging");
        config.put("rewind.notifier.git.api-url", github.url());
        config.put("rewind.notifier.git.token", "github-test-token");
        // The one service whose releases are tagged: GitFaultyTagTest's, whose tests differ by version.
        config.put("rewind.notifier.git.repositories.\"payments/git-tagged\"", "acme/checkout");
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
