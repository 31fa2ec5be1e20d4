package dev.rewind.notifier.channel;

import java.util.List;

/**
 * One way of telling people (Slack, PagerDuty, Statuspage, Jira, Git): decides what to say about each notice and
 * sends it. The dispatcher records what {@link #plan} returns in the consumer's transaction and calls {@link #send}
 * after commit, in order per incident, with retries; a channel never sends from {@link #plan}.
 */
public interface NotificationChannel {

    /** The channel's name in records, metrics and events: {@code slack}, {@code pagerduty}... */
    String name();

    /** False when the channel is not configured: it is then never asked to plan. */
    boolean enabled();

    /**
     * True when sending the same delivery twice does no harm (the vendor de-duplicates, as PagerDuty does on its
     * {@code dedup_key}). A send whose outcome was lost to a crash is then sent again; otherwise it is recorded as
     * failed rather than risk telling people twice.
     */
    boolean idempotent();

    /**
     * What to send about {@code notice}, rendered now; empty when this channel has nothing to say about it (routing,
     * severity, quiet steps). Pure: no I/O.
     */
    List<Outgoing> plan(Notice notice);

    /**
     * Sends one planned delivery. {@code earlier} holds what this channel's earlier deliveries of the same incident
     * answered (a Slack thread, a Statuspage incident id). Never throws for an answer of the vendor: it returns
     * {@link SendResult}.
     */
    SendResult send(Outgoing outgoing, SentBefore earlier);
}
