package dev.rewind.system.faults;

/**
 * How big a fault-suite run is, from the system property {@code rewind.faults}: {@code full} (the documented command,
 * {@code dev/fault-suite.sh}) or {@code ci} (the variant {@code .ci/run} runs); unset, the suite does not run.
 */
public enum FaultSize {
    CI(20, 8, 200, 10),
    FULL(100, 30, 1_000, 30);

    /** The system property that turns the suite on and sizes it. */
    public static final String PROPERTY = "rewind.faults";

    /** Incidents the chaos scenario raises, each on its own target. */
    public final int chaosIncidents;
    /** SIGKILLs the chaos loop sends. */
    public final int chaosKills;
    /** Deliveries of one alert the duplicates scenario makes, from two senders together. */
    public final int duplicateDeliveries;
    /** Incidents in flight in the load scenarios (graceful stops, two instances). */
    public final int loadIncidents;

    FaultSize(int chaosIncidents, int chaosKills, int duplicateDeliveries, int loadIncidents) {
        this.chaosIncidents = chaosIncidents;
        this.chaosKills = chaosKills;
        this.duplicateDeliveries = duplicateDeliveries;
        this.loadIncidents = loadIncidents;
    }

    /** This run's size. */
    public static FaultSize current() {
        return "full".equalsIgnoreCase(System.getProperty(PROPERTY)) ? FULL : CI;
    }
}
