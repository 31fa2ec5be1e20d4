package dev.rewind.executor.migration;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The migration-rollback Job, as pure functions: made from its template, and judged from its status. */
public final class MigrationJobs {

    /** The label naming the execution a Job was created for: a restarted executor recognises its own Job by it. */
    public static final String EXECUTION_LABEL = "rewind.dev/execution";

    private MigrationJobs() {
    }

    /**
     * The Job of execution {@code execution} from {@code template} (a Job manifest in YAML or JSON) whose placeholders
     * {@code {namespace}}, {@code {service}}, {@code {from-version}}, {@code {to-version}} and {@code {execution}} are
     * replaced; its name is fixed by the execution, so a second create of it is refused by the API server.
     */
    public static Job fromTemplate(String template, String namespace, String service, String fromVersion,
                                   String toVersion, String execution) {
        String filled = template.replace("{namespace}", namespace).replace("{service}", service)
                .replace("{from-version}", String.valueOf(fromVersion)).replace("{to-version}", String.valueOf(toVersion))
                .replace("{execution}", execution);
        Job job = Serialization.unmarshal(filled, Job.class);
        if (job == null || job.getSpec() == null || job.getSpec().getTemplate() == null) {
            throw new IllegalArgumentException("the migration-rollback Job template is not a Job manifest with a pod "
                    + "template");
        }
        job.getMetadata().setName(nameOf(service, execution));
        job.getMetadata().setNamespace(namespace);
        Map<String, String> labels = job.getMetadata().getLabels() == null ? new HashMap<>()
                : new HashMap<>(job.getMetadata().getLabels());
        labels.put(EXECUTION_LABEL, execution);
        job.getMetadata().setLabels(labels);
        return job;
    }

    /** {@code <service>-migrate-<first 8 of the execution id>}, cut to a valid object name. */
    public static String nameOf(String service, String execution) {
        String suffix = "-migrate-" + execution.substring(0, Math.min(8, execution.length())).toLowerCase(Locale.ROOT);
        String base = service.length() + suffix.length() > 63 ? service.substring(0, 63 - suffix.length()) : service;
        return base + suffix;
    }

    /** How the Job ended, or empty while it runs: the Complete and Failed conditions, as {@code kubectl wait} reads them. */
    public static Optional<Outcome> outcome(Job job) {
        if (job.getStatus() == null) {
            return Optional.empty();
        }
        if (job.getStatus().getConditions() != null) {
            for (JobCondition condition : job.getStatus().getConditions()) {
                if (!"True".equals(condition.getStatus())) {
                    continue;
                }
                if ("Complete".equals(condition.getType())) {
                    return Optional.of(new Outcome(true, "completed"));
                }
                if ("Failed".equals(condition.getType())) {
                    return Optional.of(new Outcome(false, condition.getReason() + ": " + condition.getMessage()));
                }
            }
        }
        Integer succeeded = job.getStatus().getSucceeded();
        if (succeeded != null && succeeded > 0) {
            return Optional.of(new Outcome(true, "completed"));
        }
        return Optional.empty();
    }

    /** The end of a Job: whether it succeeded, and the cluster's words. */
    public record Outcome(boolean succeeded, String detail) {
    }
}
