package dev.rewind.notifier.dispatch;

import dev.rewind.platform.testing.RecordingHttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Stubs behind the two probe channels, with retries made short. */
public class ProbeStubsResource implements QuarkusTestResourceLifecycleManager {

    static RecordingHttpServer once;
    static RecordingHttpServer twice;

    @Override
    public Map<String, String> start() {
        once = RecordingHttpServer.start();
        twice = RecordingHttpServer.start();
        return Map.of(
                "rewind.test.probe-once-url", once.url() + "/once",
                "rewind.test.probe-twice-url", twice.url() + "/twice",
                "rewind.notifier.dispatch.retry-backoff", "100ms",
                "rewind.notifier.dispatch.max-retry-backoff", "400ms",
                "rewind.notifier.dispatch.poll-interval", "200ms",
                "rewind.notifier.dispatch.lease", "2s",
                "rewind.notifier.dispatch.give-up-after", "30s");
    }

    @Override
    public void stop() {
        once.close();
        twice.close();
    }
}
