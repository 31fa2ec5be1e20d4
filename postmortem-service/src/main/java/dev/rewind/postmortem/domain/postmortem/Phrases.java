package dev.rewind.postmortem.domain.postmortem;

import dev.rewind.events.Release;
import dev.rewind.events.Signal;
import dev.rewind.events.request.Evidence;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a post-mortem words times, durations, releases and evidence for people: always in UTC, never a Java type. */
public final class Phrases {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Phrases() {
    }

    /** The UTC day of {@code at}. */
    public static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** {@code 14:23} on {@code day}; {@code 2026-11-16 00:05} on another day, so a long incident stays readable. */
    public static String clock(Instant at, LocalDate day) {
        return day(at).equals(day) ? CLOCK.format(at) : DAY_AND_CLOCK.format(at);
    }

    /** {@code 2026-11-16 09:12 UTC}. */
    public static String dayAndClock(Instant at) {
        return DAY_AND_CLOCK.format(at) + " UTC";
    }

    /** {@code 6m29s}, {@code 11m}, {@code 1h05m}, {@code 45s}: to the nearest second. */
    public static String duration(Duration duration) {
        long seconds = duration.plusMillis(500).toSeconds();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + (minutes == 0 && rest == 0 ? "" : String.format(Locale.ROOT, "%02dm", minutes))
                    + (rest == 0 ? "" : rest + "s");
        }
        if (minutes > 0) {
            return minutes + "m" + (rest == 0 ? "" : rest + "s");
        }
        return rest + "s";
    }

    /** A deadline as an adjective: {@code 15-minute}, {@code 1-hour}; other limits as a duration. */
    public static String limit(Duration limit) {
        if (limit.toSeconds() % 3600 == 0) {
            return limit.toHours() + "-hour";
        }
        if (limit.toSeconds() % 60 == 0) {
            return limit.toMinutes() + "-minute";
        }
        return duration(limit);
    }

    /** The version a release runs: its single image's tag, else every image; with its revision. */
    public static String release(Release release) {
        if (release.images().size() == 1) {
            String image = release.images().values().iterator().next();
            int tag = image.lastIndexOf(':');
            String version = tag >= 0 && tag > image.lastIndexOf('/') ? image.substring(tag + 1) : image;
            return version + " (revision " + release.revision() + ")";
        }
        return release.toString();
    }

    /**
     * One alert's impact: {@code 12% error rate against a threshold of 5% (alertmanager: 5xx error rate above 5%)}.
     * Error rates are fractions in the events, shown as percentages.
     */
    public static String evidence(Evidence evidence) {
        String what = signal(evidence.signal());
        String measured = evidence.observedValue() == null ? what
                : value(evidence.signal(), evidence.observedValue()) + " " + what;
        String against = evidence.threshold() == null ? ""
                : " against a threshold of " + value(evidence.signal(), evidence.threshold());
        String from = evidence.summary() == null ? "" : " (" + (evidence.source() == null ? ""
                : evidence.source() + ": ") + evidence.summary() + ")";
        return measured + against + from;
    }

    /** {@code ERROR_RATE} as {@code error rate}. */
    public static String signal(Signal signal) {
        return signal == null ? "unknown signal" : signal.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String value(Signal signal, double value) {
        BigDecimal number = BigDecimal.valueOf(value);
        if (signal == Signal.ERROR_RATE) {
            number = number.movePointRight(2);
        }
        String plain = number.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return signal == Signal.ERROR_RATE ? plain + "%" : plain;
    }
}
