package dev.rewind.sandbox.ci;

import java.util.Locale;

/** What a repository's rollback pipeline does in the sandbox when it runs. */
public enum PipelineOutcome {
    /** Deploys the VERSION it was given to the Deployments naming its repository, then succeeds: a working CI. */
    DEPLOYS,
    /** Succeeds without deploying anything: a pipeline whose deploy step is broken or skipped. */
    DEPLOYS_NOTHING,
    /** Fails without deploying. */
    FAILS;

    /** {@code deploys}, {@code deploys-nothing} or {@code fails}. */
    public static PipelineOutcome parse(String text) {
        for (PipelineOutcome outcome : values()) {
            if (outcome.toString().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("a pipeline outcome is deploys, deploys-nothing or fails, got '"
                + text.trim() + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
