package dev.rewind.executor.troubleshoot;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the cluster says is wrong with a rollout, read at one moment.
 *
 * @param findings most important first
 */
public record Diagnosis(List<Finding> findings) {

    /** What the summary says when the cluster shows no cause. */
    public static final String NOTHING_FOUND = "no cause found in pods, events, volume claims, services or ingresses";

    public Diagnosis {
        findings = List.copyOf(findings);
    }

    /** True when a finding names a cause, not only the stuck rollout itself or a place that could not be read. */
    public boolean causeFound() {
        return findings.stream().anyMatch(Diagnosis::isCause);
    }

    /**
     * One paragraph for people (the Slack notification, the post-mortem): the findings one after the other, saying
     * so when none of them names a cause.
     */
    public String summary() {
        if (findings.isEmpty()) {
            return NOTHING_FOUND;
        }
        String findingsText = findings.stream().map(Finding::text).collect(Collectors.joining(" "));
        return causeFound() ? findingsText : findingsText + " " + capitalized(NOTHING_FOUND) + ".";
    }

    private static boolean isCause(Finding finding) {
        return finding.kind() != Finding.Kind.PROGRESS_DEADLINE && finding.kind() != Finding.Kind.NOT_READ;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
