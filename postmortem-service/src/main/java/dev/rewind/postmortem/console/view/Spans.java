package dev.rewind.postmortem.console.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Durations and instants as people read them at a glance: {@code 4m 29s}, {@code 2h 05m}, {@code 2026-11-29 08:41:07Z}. */
public final class Spans {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Spans() {
    }

    /** {@code duration} in its two largest units; {@code —} when null. Negative durations read as their length. */
    public static String of(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = duration.abs().toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + pad(seconds % 60) + "s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h " + pad(seconds % 3600 / 60) + "m";
        }
        return seconds / 86_400 + "d " + pad(seconds % 86_400 / 3600) + "h";
    }

    /** {@code at} in UTC to the second; {@code —} when null. */
    public static String at(Instant at) {
        return at == null ? "—" : UTC.format(at);
    }

    /** {@code at}'s time of day in UTC; {@code —} when null. */
    public static String clock(Instant at) {
        return at == null ? "—" : CLOCK.format(at);
    }

    private static String pad(long value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }
}
