package dev.rewind.notifier.dispatch;

import jakarta.enterprise.context.ApplicationScoped;

/** The two probe channels of the dispatch tests: one that must not send twice, one that may. */
final class ProbeChannels {

    private ProbeChannels() {
    }

    /** Not idempotent: a send lost to a crash is failed, not repeated. */
    @ApplicationScoped
    static class Once extends ProbeChannel {
        Once() {
            super("once", false);
        }
    }

    /** Idempotent: a send lost to a crash is repeated. */
    @ApplicationScoped
    static class Twice extends ProbeChannel {
        Twice() {
            super("twice", true);
        }
    }
}
