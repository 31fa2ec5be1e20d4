package dev.rewind.notifier.escalation;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The escalation path in seconds instead of minutes (level 2 after 2 s, 3 after 4 s, 4 after 6 s: further apart
 * than the scheduler's one-second tick, so no level is skipped; checked every tick, the first check 1 s after the
 * start), in a Quarkus boot of its own so that no other test's incident escalates.
 */
public class ShortEscalationProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rewind.notifier.escalation.enabled", "true",
                "rewind.notifier.escalation.levels.2.after", "2s",
                "rewind.notifier.escalation.levels.3.after", "4s",
                "rewind.notifier.escalation.levels.4.after", "6s",
                "rewind.notifier.escalation.check-interval", "200ms",
                "rewind.notifier.escalation.catch-up-grace", "1s");
    }
}
