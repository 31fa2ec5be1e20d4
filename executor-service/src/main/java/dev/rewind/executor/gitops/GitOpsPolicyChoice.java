package dev.rewind.executor.gitops;

import dev.rewind.events.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The policy a rollback of a GitOps-managed target follows, settled from its environment's configuration, the
 * Deployment's annotation {@value GitOpsPolicy#ANNOTATION} (which may only ask for less), the incident's severity
 * (pausing is for emergencies) and the owner's sync policy (pausing what does not sync is pointless).
 *
 * @param warnings what people should know about how it was settled, reported with the method chain
 */
public record GitOpsPolicyChoice(GitOpsPolicy policy, List<String> warnings) {

    public GitOpsPolicyChoice {
        warnings = List.copyOf(warnings);
    }

    /** The choice for a target nobody applies from Git: the policy is never consulted. */
    public static final GitOpsPolicyChoice NOT_MANAGED = new GitOpsPolicyChoice(GitOpsPolicy.REVERT, List.of());

    /**
     * Settles the policy of deployment {@code deployment} applied by {@code owner}.
     *
     * @param configured the most its environment allows ({@code rewind.executor.gitops.strategy} or its
     *                   environment's {@code environment-strategy})
     * @param annotation the Deployment's {@value GitOpsPolicy#ANNOTATION}, or null
     * @param severity the incident's severity, or null when unknown (never an emergency then)
     * @param emergencies the severities for which {@link GitOpsPolicy#PAUSE_AND_UNDO} pauses
     */
    public static GitOpsPolicyChoice settle(String deployment, GitOpsOwner owner, GitOpsPolicy configured,
                                            String annotation, Severity severity, Set<Severity> emergencies) {
        if (owner == null) {
            return NOT_MANAGED;
        }
        List<String> warnings = new ArrayList<>();
        GitOpsPolicy policy = configured;
        if (annotation != null && !annotation.isBlank()) {
            try {
                GitOpsPolicy asked = GitOpsPolicy.parse(annotation);
                if (asked.compareTo(configured) > 0) {
                    warnings.add("annotation " + GitOpsPolicy.ANNOTATION + " on deployment " + deployment + " asks for "
                            + asked.spelled() + ", more than its environment allows (" + configured.spelled()
                            + "): " + configured.spelled() + " it is");
                } else {
                    policy = asked;
                }
            } catch (IllegalArgumentException e) {
                // A team that meant to ask for less is not given the most: refused until the annotation is fixed.
                warnings.add("annotation " + GitOpsPolicy.ANNOTATION + " on deployment " + deployment + " is not read ("
                        + e.getMessage() + "): " + GitOpsPolicy.REFUSE.spelled() + " until it is fixed");
                policy = GitOpsPolicy.REFUSE;
            }
        }
        if (policy == GitOpsPolicy.PAUSE_AND_UNDO && (severity == null || !emergencies.contains(severity))) {
            return new GitOpsPolicyChoice(GitOpsPolicy.REVERT, warnings);
        }
        if (policy == GitOpsPolicy.PAUSE_AND_UNDO && !owner.reconciles()) {
            warnings.add(owner.describe() + " does not sync by itself: there is no sync to pause, so deployment "
                    + deployment + " is rolled back in Git (" + GitOpsPolicy.REVERT.spelled() + ")");
            return new GitOpsPolicyChoice(GitOpsPolicy.REVERT, warnings);
        }
        return new GitOpsPolicyChoice(policy, warnings);
    }
}
