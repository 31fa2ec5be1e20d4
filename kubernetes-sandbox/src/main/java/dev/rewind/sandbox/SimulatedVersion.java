package dev.rewind.sandbox;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Arrays;

/**
 * How the pods of a version behave in the sandbox, chosen by its pod template's annotation
 * {@value SimulatedDeploymentController#SIMULATE}: healthy unless it names one of the broken behaviours.
 */
public enum SimulatedVersion {
    /** Pods start and become ready. */
    HEALTHY(null),
    /** Pods run but their readiness probe keeps failing: the rollout exceeds its progress deadline. */
    NEVER_READY("progress-deadline-exceeded"),
    /** Containers exit at start and are restarted with a growing back-off (CrashLoopBackOff). */
    CRASH_LOOP("crash-loop"),
    /** The image cannot be pulled (ImagePullBackOff): pods stay Pending. */
    IMAGE_PULL_BACKOFF("image-pull-backoff");

    private final String annotation;

    SimulatedVersion(String annotation) {
        this.annotation = annotation;
    }

    /** The annotation's value that selects this behaviour; null for {@link #HEALTHY}. */
    public String annotation() {
        return annotation;
    }

    /** Whether this version's pods ever become ready. */
    public boolean becomesReady() {
        return this == HEALTHY;
    }

    /** The behaviour {@code template} asks for. */
    public static SimulatedVersion of(PodTemplateSpec template) {
        String value = template == null || template.getMetadata() == null
                || template.getMetadata().getAnnotations() == null ? null
                : template.getMetadata().getAnnotations().get(SimulatedDeploymentController.SIMULATE);
        return Arrays.stream(values()).filter(v -> v.annotation != null && v.annotation.equals(value)).findFirst()
                .orElse(HEALTHY);
    }
}
