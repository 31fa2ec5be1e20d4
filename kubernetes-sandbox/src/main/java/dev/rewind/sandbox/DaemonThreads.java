package dev.rewind.sandbox;

import java.util.concurrent.ThreadFactory;

/** Daemon threads named after what they do, for the sandbox's loops: they never keep a test's JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
