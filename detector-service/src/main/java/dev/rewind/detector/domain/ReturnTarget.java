package dev.rewind.detector.domain;

import dev.rewind.events.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The release a rollback returns to: kubectl's previous revision, unless Rewind rolled the target back from that
 * release before; then the newest earlier revision that is not such a release, named explicitly.
 *
 * @param release the release to return to; null when none is known
 * @param explicit true when it is not kubectl's previous revision, so the request must name its revision
 * @param skipped the earlier releases passed over because they are blocked, newest first
 */
public record ReturnTarget(Release release, boolean explicit, List<Release> skipped) {

    public ReturnTarget {
        skipped = List.copyOf(skipped);
    }

    /**
     * Chooses from {@code history} (a Deployment's revisions, oldest first, the running one last).
     *
     * @param blocked the image maps of releases Rewind rolled this target back from
     */
    public static ReturnTarget choose(List<Release> history, Set<Map<String, String>> blocked) {
        List<Release> skipped = new ArrayList<>();
        for (int i = history.size() - 2; i >= 0; i--) {
            Release candidate = history.get(i);
            if (!blocked.contains(candidate.images())) {
                return new ReturnTarget(candidate, !skipped.isEmpty(), skipped);
            }
            skipped.add(candidate);
        }
        return new ReturnTarget(null, false, skipped);
    }

    /** True when the history had earlier releases and every one of them is blocked. */
    public boolean everyEarlierReleaseBlocked() {
        return release == null && !skipped.isEmpty();
    }
}
