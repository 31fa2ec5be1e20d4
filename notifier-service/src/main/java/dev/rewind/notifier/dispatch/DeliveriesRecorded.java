package dev.rewind.notifier.dispatch;

import java.util.Set;

/** CDI event fired when a transaction records deliveries; observed after commit to send them at once. */
public record DeliveriesRecorded(Set<String> channels) {
}
