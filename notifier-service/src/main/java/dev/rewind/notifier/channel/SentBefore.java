package dev.rewind.notifier.channel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a channel's earlier deliveries of one incident answered, oldest first: notification to reference (a Slack
 * {@code channel/ts}, a Statuspage incident id). Only delivered notifications with a reference are in it.
 */
public record SentBefore(Map<String, String> references) {

    public SentBefore {
        references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
    }

    public static SentBefore nothing() {
        return new SentBefore(Map.of());
    }

    /** The reference of the incident's first delivery on this channel, such as the Slack thread to reply in. */
    public Optional<String> first() {
        return references.values().stream().findFirst();
    }

    public Optional<String> of(String notification) {
        return Optional.ofNullable(references.get(notification));
    }
}
