package dev.rewind.postmortem.console;

import dev.rewind.postmortem.console.view.IncidentRow;
import dev.rewind.postmortem.console.view.Spans;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** How the console's templates write instants, durations, numbers and statuses: {@code {incident.openedAt.utc}}. */
@TemplateExtension
public final class ConsoleFormats {

    private ConsoleFormats() {
    }

    /** {@code 2026-11-29 08:41:07Z}. */
    static String utc(Instant at) {
        return Spans.at(at);
    }

    /** {@code 08:41:07} (UTC). */
    static String clock(Instant at) {
        return Spans.clock(at);
    }

    /** An ISO-8601 duration ({@code PT4M29S}) as {@code 4m 29s}; {@code —} when null. */
    static String span(String iso) {
        return iso == null ? "—" : Spans.of(Duration.parse(iso));
    }

    /**
     * A measured value without needless decimals: {@code 12.4}, {@code 5}, {@code 0.031}, {@code 1200} (four
     * significant digits below 1000, whole numbers above); {@code —} when null.
     */
    static String num(Double value) {
        if (value == null) {
            return "—";
        }
        if (value.isNaN() || value.isInfinite()) {
            return String.valueOf(value);
        }
        BigDecimal number = BigDecimal.valueOf(value);
        number = number.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? number.setScale(0, RoundingMode.HALF_UP)
                : number.round(new MathContext(4));
        return number.stripTrailingZeros().toPlainString();
    }

    /** A share (0.875) as a percentage ({@code 87.5%}); {@code —} when null. */
    static String percent(Double share) {
        return share == null ? "—" : num(Math.round(share * 1000) / 10.0) + "%";
    }

    /** {@code ROLLED_BACK} as {@code rolled back}. */
    static String words(String status) {
        return IncidentRow.words(status);
    }

    /** {@code ROLLED_BACK}'s colour in the console. */
    static String tone(String status) {
        return IncidentRow.tone(status);
    }
}
