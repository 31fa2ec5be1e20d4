package dev.rewind.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time bound of a listing as people write it: an ISO-8601 time with an offset, a UTC date, or an age such as
 * {@code 30m}, {@code 24h} or {@code 7d} (that long before now). The API takes ISO-8601 instants.
 */
public final class TimeBound {

    private static final Pattern AGE = Pattern.compile("([0-9]{1,6})([smhdw])");

    private TimeBound() {
    }

    /** The instant {@code text} names, as of {@code clock}; an {@link IllegalArgumentException} otherwise. */
    public static Instant parse(String text, Clock clock) {
        String value = text.strip();
        Matcher age = AGE.matcher(value);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            Duration duration = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
            return clock.instant().minus(duration);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notATime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("'" + text + "' is neither an age (30m, 24h, 7d, 2w), a date "
                        + "(2026-11-15, UTC) nor an ISO-8601 time with an offset (2026-11-15T14:25:31Z)");
            }
        }
    }
}
