package dev.rewind.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Times and durations as the CLI prints them: UTC to the second, durations short ({@code 4m29s}). */
public final class TextTime {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private TextTime() {
    }

    /** {@code 2026-11-29 05:12:03Z}; {@code -} for null. */
    public static String utc(Instant instant) {
        return instant == null ? "-" : UTC.format(instant);
    }

    /** The instant of an API's ISO-8601 text, or null when absent or unreadable. */
    public static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The duration of an API's ISO-8601 text ({@code PT4M29S}), or null when absent or unreadable. */
    public static Duration duration(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 45s}, {@code 4m29s}, {@code 1h05m}, {@code 2d03h}; negative durations with a leading minus. */
    public static String duration(Duration duration) {
        if (duration.isNegative()) {
            return "-" + duration(duration.negated());
        }
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02ds", seconds % 60);
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02dm", seconds % 3600 / 60);
        }
        return seconds / 86400 + "d" + String.format(Locale.ROOT, "%02dh", seconds % 86400 / 3600);
    }

    /** {@code +4m29s} or {@code -12s}: an offset from a reference time. */
    public static String offset(Duration duration) {
        return duration.isNegative() ? duration(duration) : "+" + duration(duration);
    }
}
