package dev.rewind.sandbox;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * How far a rolling update may go above and below the desired replicas (the controller's ResolveFenceposts): maxSurge
 * rounded up, maxUnavailable rounded down, both 25% unless set, and never both 0 (maxUnavailable is then 1).
 */
record Fenceposts(int maxSurge, int maxUnavailable) {

    private static final IntOrString DEFAULT = new IntOrString("25%");

    /** The fenceposts of {@code spec}; a Recreate Deployment has none (its Available condition wants every replica). */
    static Fenceposts of(DeploymentSpec spec) {
        int desired = spec.getReplicas() == null ? 1 : spec.getReplicas();
        if (recreates(spec) || desired == 0) {
            return new Fenceposts(0, 0);
        }
        RollingUpdateDeployment rolling = spec.getStrategy() == null ? null : spec.getStrategy().getRollingUpdate();
        int surge = scaled(rolling == null ? null : rolling.getMaxSurge(), desired, true);
        int unavailable = scaled(rolling == null ? null : rolling.getMaxUnavailable(), desired, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new Fenceposts(surge, Math.min(unavailable, desired));
    }

    /** Whether {@code spec} asks for the Recreate strategy (old pods all gone before new ones start). */
    static boolean recreates(DeploymentSpec spec) {
        return spec.getStrategy() != null && "Recreate".equals(spec.getStrategy().getType());
    }

    /** An absolute number, or a percentage of {@code total} rounded up or down (GetScaledValueFromIntOrPercent). */
    static int scaled(IntOrString value, int total, boolean roundUp) {
        IntOrString given = value == null ? DEFAULT : value;
        if (given.getIntVal() != null) {
            return given.getIntVal();
        }
        String text = given.getStrVal().trim();
        if (!text.endsWith("%")) {
            return Integer.parseInt(text);
        }
        int hundredths = Integer.parseInt(text.substring(0, text.length() - 1)) * total;
        return roundUp ? (hundredths + 99) / 100 : hundredths / 100;
    }
}
