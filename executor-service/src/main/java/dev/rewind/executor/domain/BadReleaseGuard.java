package dev.rewind.executor.domain;

import dev.rewind.events.Release;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A rollback never returns a target to a release an earlier incident judged bad and Rewind rolled back from, whatever
 * guards a person overrode: after a rollback, kubectl's "previous revision" is the very release it left.
 */
public final class BadReleaseGuard {

    private BadReleaseGuard() {
    }

    /**
     * An earlier incident's verdict on the target.
     *
     * @param incidentNumber the incident's human number; null for executions recorded before commands named it
     * @param release the release it judged bad
     * @param rolledBackAt when Rewind's rollback from it finished
     */
    public record Verdict(Long incidentNumber, Release release, Instant rolledBackAt) {
    }

    /**
     * Why rolling {@code deployment} ({@code namespace/name}) back to {@code undoTarget} must not go on, or empty when
     * no verdict judged its images bad. Images alone decide: revision numbers change with every rollback.
     *
     * @param explicitRevision true when the command named the revision, false for kubectl's previous one
     */
    public static Optional<String> refusal(String deployment, Release undoTarget, boolean explicitRevision,
                                           List<Verdict> verdicts) {
        return verdicts.stream()
                .filter(verdict -> verdict.release().images().equals(undoTarget.images()))
                .max(Comparator.comparing(Verdict::rolledBackAt))
                .map(verdict -> "deployment " + deployment + ": " + (explicitRevision
                        ? "revision " + undoTarget.revision() + ", the one the command names,"
                        : "the undo target revision " + undoTarget.revision())
                        + " runs " + new TreeMap<>(undoTarget.images()) + ", the release "
                        + (verdict.incidentNumber() == null ? "an earlier incident" : "incident "
                        + verdict.incidentNumber()) + " judged bad and rolled back from at "
                        + verdict.rolledBackAt().truncatedTo(ChronoUnit.SECONDS) + "; not rolling back to it, whatever "
                        + "guards were overridden: " + (explicitRevision
                        ? "name another revision, or roll back by hand if that release is wanted after all"
                        : "roll back to an explicit revision instead ('kubectl rollout history' lists them)"));
    }
}
