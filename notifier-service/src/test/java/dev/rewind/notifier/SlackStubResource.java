package dev.rewind.notifier;

import dev.rewind.platform.testing.RecordingHttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Serves a Slack incoming webhook stand-in and points the notifier at it. */
public class SlackStubResource implements QuarkusTestResourceLifecycleManager {

    static RecordingHttpServer slack;

    @Override
    public Map<String, String> start() {
        slack = RecordingHttpServer.start();
        return Map.of("rewind.notifier.slack.webhook-url", slack.url() + "/services/T000/B000/XXXX");
    }

    @Override
    public void stop() {
        slack.close();
    }
}
