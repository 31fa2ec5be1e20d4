package dev.rewind.detector.domain;

import dev.rewind.events.Signal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which row of the decision matrix an alert belongs to: an explicit signal label wins, else the alert's name
 * as configured, else {@link Signal#UNKNOWN}.
 */
public final class SignalClassifier {

    private final Map<String, Signal> byAlertName;

    public SignalClassifier(Map<String, Signal> byAlertName) {
        this.byAlertName = Map.copyOf(byAlertName);
    }

    /**
     * @param signalLabel the value of the alert's signal label (e.g. {@code error-rate}), or null
     * @param alertName the alert's name, or null
     */
    public Signal classify(String signalLabel, String alertName) {
        return parse(signalLabel).or(() -> Optional.ofNullable(alertName).map(byAlertName::get))
                .orElse(Signal.UNKNOWN);
    }

    private static Optional<Signal> parse(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Signal.valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads a measured value as a ratio or multiple: {@code 0.12}, {@code 12%}, {@code 2.5x} ({@link Measurement}). */
    public static Double parseValue(String text) {
        return Measurement.of(text, null).orElse(null);
    }
}
