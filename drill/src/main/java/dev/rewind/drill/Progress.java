package dev.rewind.drill;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One line per drill phase as it starts, and one as it ends, with its time: the drill shows what it is doing. */
final class Progress {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final Clock clock;
    private final int phases;
    private int phase;
    private long startedNanos;

    Progress(PrintStream out, Clock clock, int phases) {
        this.out = out;
        this.clock = clock;
        this.phases = phases;
    }

    void start(String what) {
        phase++;
        startedNanos = System.nanoTime();
        out.printf(Locale.ROOT, "[%s] %d/%d %s ...%n", CLOCK.format(clock.instant()), phase, phases, what);
    }

    void done(String outcome) {
        out.printf(Locale.ROOT, "[%s]     done in %s: %s%n", CLOCK.format(clock.instant()),
                SuccessCriteria.seconds(Duration.ofNanos(System.nanoTime() - startedNanos)), outcome);
    }

    void failed(String why) {
        out.printf(Locale.ROOT, "[%s]     FAILED after %s: %s%n", CLOCK.format(clock.instant()),
                SuccessCriteria.seconds(Duration.ofNanos(System.nanoTime() - startedNanos)), why);
    }
}
