package dev.rewind.sandbox;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A stand-in for Kubernetes' Job controller, so that the Jobs created in the sandbox (the executor's
 * migration-rollback Jobs) run: a new Job gets status.startTime and one active pod; after the run time it succeeds
 * (succeeded, completionTime, conditions SuccessCriteriaMet and Complete), or fails (failed, conditions FailureTarget
 * and Failed, reason BackoffLimitExceeded) when its pod template carries
 * {@value SimulatedDeploymentController#SIMULATE} = {@value #JOB_FAILS}. Suspended and finished Jobs are left alone.
 * No pods are made.
 */
public final class SimulatedJobController {

    /** The value of {@value SimulatedDeploymentController#SIMULATE} that makes a Job fail. */
    public static final String JOB_FAILS = "job-fails";

    private static final int DEFAULT_BACKOFF_LIMIT = 6;

    private final KubernetesClient client;
    private final Duration runTime;
    private final Clock clock;

    public SimulatedJobController(KubernetesClient client, Duration runTime, Clock clock) {
        this.client = client;
        this.runTime = runTime;
        this.clock = clock;
    }

    /** One round over every Job in the sandbox: writes the status of those that started or finished. */
    public void reconcileAll() {
        Instant now = clock.instant();
        for (Job job : client.batch().v1().jobs().inAnyNamespace().list().getItems()) {
            next(job, runTime, now).ifPresent(status -> {
                job.setStatus(status);
                client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).resource(job).updateStatus();
            });
        }
    }

    /** The status {@code job} has at {@code now}, or empty when it stays as it is. */
    static Optional<JobStatus> next(Job job, Duration runTime, Instant now) {
        JobStatus status = job.getStatus();
        if (Boolean.TRUE.equals(job.getSpec().getSuspend()) || finished(status)) {
            return Optional.empty();
        }
        if (status == null || status.getStartTime() == null) {
            return Optional.of(new JobStatusBuilder().withStartTime(now.toString()).withActive(1).withReady(0).build());
        }
        if (Instant.parse(status.getStartTime()).plus(runTime).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(fails(job) ? failed(job, status, now) : succeeded(job, status, now));
    }

    private static JobStatus succeeded(Job job, JobStatus status, Instant now) {
        int completions = job.getSpec().getCompletions() == null ? 1 : job.getSpec().getCompletions();
        String message = "Reached expected number of succeeded pods";
        return new JobStatusBuilder().withStartTime(status.getStartTime()).withReady(0).withSucceeded(completions)
                .withCompletionTime(now.toString())
                .withConditions(condition("SuccessCriteriaMet", "CompletionsReached", message, now),
                        condition("Complete", "CompletionsReached", message, now))
                .build();
    }

    private static JobStatus failed(Job job, JobStatus status, Instant now) {
        int backoffLimit = job.getSpec().getBackoffLimit() == null ? DEFAULT_BACKOFF_LIMIT
                : job.getSpec().getBackoffLimit();
        String message = "Job has reached the specified backoff limit";
        return new JobStatusBuilder().withStartTime(status.getStartTime()).withReady(0).withFailed(backoffLimit + 1)
                .withConditions(condition("FailureTarget", "BackoffLimitExceeded", message, now),
                        condition("Failed", "BackoffLimitExceeded", message, now))
                .build();
    }

    private static boolean finished(JobStatus status) {
        return status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                        && "True".equals(c.getStatus()));
    }

    private static boolean fails(Job job) {
        var metadata = job.getSpec().getTemplate() == null ? null : job.getSpec().getTemplate().getMetadata();
        return metadata != null && metadata.getAnnotations() != null
                && JOB_FAILS.equals(metadata.getAnnotations().get(SimulatedDeploymentController.SIMULATE));
    }

    private static JobCondition condition(String type, String reason, String message, Instant now) {
        return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message)
                .withLastProbeTime(now.toString()).withLastTransitionTime(now.toString()).build();
    }
}
