package dev.rewind.detector.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the value an alert measured as the number the decision matrix compares: a ratio for rates and utilisation
 * ({@code 0.12} or {@code 12%}), a multiple of the baseline for response times. A response time is either given as a
 * multiple ({@code 2.5} or {@code 2.5x}) or as a duration with its baseline ({@code 850ms} against {@code 300ms});
 * a duration without a baseline cannot be compared and reads as no value (the alert is taken at its word).
 */
public final class Measurement {

    private Measurement() {
    }

    /**
     * The value of {@code value} compared with {@code baseline}.
     *
     * @param value the alert's measured value, or null
     * @param baseline the value's baseline, or null when the value is already a ratio or a multiple
     * @return the ratio or multiple; empty when there is no value or it cannot be read
     */
    public static Optional<Double> of(String value, String baseline) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (baseline != null && !baseline.isBlank()) {
            Optional<Double> measured = seconds(text);
            Optional<Double> base = seconds(baseline.strip().toLowerCase(Locale.ROOT));
            return measured.isPresent() && base.isPresent() && base.get() > 0
                    ? Optional.of(measured.get() / base.get()) : Optional.empty();
        }
        if (text.endsWith("%")) {
            return number(text.substring(0, text.length() - 1)).map(percent -> percent / 100);
        }
        if (text.endsWith("x")) {
            return number(text.substring(0, text.length() - 1));
        }
        return number(text);
    }

    /** A duration in seconds ({@code 850ms}, {@code 0.85s}, {@code 850us}, {@code 2m}); a bare number as written. */
    private static Optional<Double> seconds(String text) {
        String[][] units = {{"ms", "0.001"}, {"us", "0.000001"}, {"µs", "0.000001"}, {"s", "1"}, {"m", "60"}};
        for (String[] unit : units) {
            if (text.endsWith(unit[0])) {
                return number(text.substring(0, text.length() - unit[0].length()))
                        .map(amount -> amount * Double.parseDouble(unit[1]));
            }
        }
        return number(text);
    }

    private static Optional<Double> number(String text) {
        try {
            double parsed = Double.parseDouble(text.strip());
            return Double.isFinite(parsed) && parsed >= 0 ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
