package dev.rewind.detector.domain;

import dev.rewind.events.TargetKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The decision matrix's numbers for each target: the service's own where configured, else its environment's, else
 * the defaults. Every combination is checked when the book is built, so a bad override stops the detector at start
 * rather than at the first alert.
 */
public final class ThresholdBook {

    /** Some of the thresholds; the others are inherited. Null means "inherit". */
    public record Override(Double errorRate, Double criticalErrorRate, Double latencyMultiple, Double saturation) {

        /** No threshold changed. */
        public static final Override NONE = new Override(null, null, null, null);

        Thresholds applyTo(Thresholds base) {
            return new Thresholds(
                    errorRate == null ? base.errorRate() : errorRate,
                    criticalErrorRate == null ? base.criticalErrorRate() : criticalErrorRate,
                    latencyMultiple == null ? base.latencyMultiple() : latencyMultiple,
                    saturation == null ? base.saturation() : saturation);
        }
    }

    private final Thresholds defaults;
    private final Map<String, Thresholds> byEnvironment = new HashMap<>();
    private final Map<String, Thresholds> byService = new HashMap<>();

    /**
     * @param environments overrides by environment name
     * @param services overrides by environment name, then service name
     * @throws IllegalArgumentException naming the environment (and service) whose thresholds are inconsistent
     */
    public ThresholdBook(Thresholds defaults, Map<String, Override> environments,
                         Map<String, Map<String, Override>> services) {
        this.defaults = defaults;
        environments.forEach((environment, override) ->
                byEnvironment.put(environment, build(override, defaults, environment)));
        services.forEach((environment, overrides) -> overrides.forEach((service, override) -> byService.put(
                environment + "/" + service,
                build(override, byEnvironment.getOrDefault(environment, defaults), environment + "." + service))));
    }

    /** The same thresholds for every target. */
    public static ThresholdBook uniform(Thresholds thresholds) {
        return new ThresholdBook(thresholds, Map.of(), Map.of());
    }

    /** The thresholds that apply to {@code target}. */
    public Thresholds forTarget(TargetKey target) {
        Thresholds own = byService.get(target.environment() + "/" + target.service());
        return own != null ? own : byEnvironment.getOrDefault(target.environment(), defaults);
    }

    private static Thresholds build(Override override, Thresholds base, String where) {
        try {
            return override.applyTo(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("thresholds of " + where + ": " + e.getMessage(), e);
        }
    }
}
