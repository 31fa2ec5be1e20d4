package dev.rewind.notifier.slack;

/** A Slack message as the Web API names it, kept as the reference {@code channel/ts} of a delivery. */
record SlackThread(String channel, String ts) {

    String reference() {
        return channel + "/" + ts;
    }

    static SlackThread parse(String reference) {
        int slash = reference.indexOf('/');
        if (slash <= 0 || slash == reference.length() - 1) {
            throw new IllegalArgumentException("a Slack message reference is channel/ts, got '" + reference + "'");
        }
        return new SlackThread(reference.substring(0, slash), reference.substring(slash + 1));
    }
}
