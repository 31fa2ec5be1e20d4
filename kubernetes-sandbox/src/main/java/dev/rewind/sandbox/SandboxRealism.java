package dev.rewind.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * How faithfully the sandbox imitates a cluster's controllers. {@link #INSTANT} (the tests' default) rolls a Deployment
 * out in one reconcile; {@link #FAITHFUL} (the standalone sandbox's) rolls it out over time as the real controllers do.
 *
 * @param pacedRollouts roll out in RollingUpdate (or Recreate) steps, one every {@code rolloutStep}, with the
 *                      Progressing condition over time and the progress deadline honoured; false: instantly
 * @param rolloutStep the time between two steps of a rollout (and between two rounds of the Job controller); no
 *                    shorter than the controller's loop period in effect
 * @param progressDeadlineScale what a Deployment's spec.progressDeadlineSeconds (600 when unset) is multiplied by, so
 *                              that a drill need not wait ten minutes for a broken release to time out
 * @param pods keep Pod objects for each ReplicaSet's replicas (needs paced rollouts)
 * @param jobs complete (or fail) the Jobs created in the sandbox, after {@code jobRunTime}
 */
public record SandboxRealism(boolean pacedRollouts, Duration rolloutStep, double progressDeadlineScale, boolean pods,
                             boolean jobs, Duration jobRunTime) {

    /** Everything at once, no pods, no Jobs run: what the tests across the repository expect. */
    public static final SandboxRealism INSTANT =
            new SandboxRealism(false, Duration.ofMillis(250), 1.0, false, false, Duration.ofSeconds(1));

    /** Paced rollouts (a step every 250 ms), deadlines at 1/50 (600 s: 12 s), pods, and Jobs that run for 1 s. */
    public static final SandboxRealism FAITHFUL =
            new SandboxRealism(true, Duration.ofMillis(250), 0.02, true, true, Duration.ofSeconds(1));

    public SandboxRealism {
        if (rolloutStep.isNegative() || rolloutStep.isZero() || jobRunTime.isNegative()) {
            throw new IllegalArgumentException("the rollout step must be positive and the Jobs' run time not negative");
        }
        if (!(progressDeadlineScale > 0)) {
            throw new IllegalArgumentException("the progress-deadline scale must be above 0");
        }
        if (pods && !pacedRollouts) {
            throw new IllegalArgumentException("pods are simulated only with paced rollouts");
        }
    }

    /**
     * {@link #FAITHFUL}, tuned by the environment: {@code SANDBOX_REALISM=off} for {@link #INSTANT};
     * {@code SANDBOX_ROLLOUT_STEP_MS} (250), {@code SANDBOX_PROGRESS_DEADLINE_SCALE} (0.02), {@code SANDBOX_PODS=off},
     * {@code SANDBOX_JOBS=off}, {@code SANDBOX_JOB_MS} (1000).
     */
    public static SandboxRealism fromEnvironment(Map<String, String> env) {
        if (off(env, "SANDBOX_REALISM")) {
            return INSTANT;
        }
        return new SandboxRealism(true, millis(env, "SANDBOX_ROLLOUT_STEP_MS", FAITHFUL.rolloutStep),
                number(env, "SANDBOX_PROGRESS_DEADLINE_SCALE", FAITHFUL.progressDeadlineScale),
                !off(env, "SANDBOX_PODS"), !off(env, "SANDBOX_JOBS"),
                millis(env, "SANDBOX_JOB_MS", FAITHFUL.jobRunTime));
    }

    /** {@code progressDeadlineSeconds} as this sandbox waits it. */
    public Duration progressDeadline(int progressDeadlineSeconds) {
        return Duration.ofMillis(Math.round(progressDeadlineSeconds * 1000.0 * progressDeadlineScale));
    }

    /** One line for the sandbox's start-up output. */
    public String describe() {
        String rollouts = pacedRollouts ? "rollouts in steps of " + rolloutStep.toMillis() + " ms, progress deadlines x"
                + progressDeadlineScale + (pods ? ", pods" : ", no pods") : "instant rollouts, no pods";
        return rollouts + (jobs ? ", Jobs run for " + jobRunTime.toMillis() + " ms" : ", Jobs never run");
    }

    private static boolean off(Map<String, String> env, String name) {
        return "off".equalsIgnoreCase(env.getOrDefault(name, "").trim());
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        return Duration.ofMillis(Math.round(number(env, name, fallback.toMillis())));
    }

    private static double number(Map<String, String> env, String name, double fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a number, was '" + text.trim() + "'");
        }
    }
}
