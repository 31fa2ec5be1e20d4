package dev.rewind.notifier.dispatch;

import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.channel.SentBefore;
import java.time.Instant;
import java.util.UUID;

/** A delivery taken for sending: marked as being sent, with what its channel's earlier deliveries answered. */
record Claimed(UUID id, Outgoing outgoing, SentBefore earlier, int attempts, Instant recordedAt, String traceParent) {
}
