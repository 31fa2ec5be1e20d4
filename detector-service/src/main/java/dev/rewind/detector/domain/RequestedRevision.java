package dev.rewind.detector.domain;

import dev.rewind.events.Release;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The revision a person asked to return to, checked against the Deployment's history as kubectl lists it: it must
 * exist, come before the running one, and not run a release Rewind rolled the target back from.
 *
 * @param release the release to return to, when the revision passes; else null
 * @param refusal why it does not, for the person who asked; else null
 */
public record RequestedRevision(Release release, String refusal) {

    /**
     * Checks {@code revision} of {@code deployment} (namespace/name, for messages).
     *
     * @param history the Deployment's revisions, oldest first
     * @param blocked the image maps of the releases Rewind rolled this target back from
     */
    public static RequestedRevision check(long revision, String deployment, Release running, List<Release> history,
                                          Set<Map<String, String>> blocked) {
        if (revision >= running.revision()) {
            return refused("revision " + revision + " is not earlier than revision " + running.revision()
                    + " that deployment " + deployment + " runs: name an earlier one (" + listed(history, deployment)
                    + "), or leave toRevision out for the previous one");
        }
        Release chosen = history.stream().filter(r -> r.revision() == revision).findFirst().orElse(null);
        if (chosen == null) {
            return refused("deployment " + deployment + " has no revision " + revision + " (" + listed(history,
                    deployment) + "; older ones are gone with their ReplicaSets): name one it has, or leave "
                    + "toRevision out for the previous one");
        }
        if (blocked.contains(chosen.images())) {
            return refused("revision " + revision + " of deployment " + deployment + " runs " + chosen
                    + ", a release Rewind rolled this target back from: name another revision, or fix forward");
        }
        return new RequestedRevision(chosen, null);
    }

    private static RequestedRevision refused(String reason) {
        return new RequestedRevision(null, reason);
    }

    private static String listed(List<Release> history, String deployment) {
        if (history.isEmpty()) {
            return "its history lists no revision";
        }
        return "its revisions: " + history.stream().map(r -> String.valueOf(r.revision()))
                .collect(Collectors.joining(", ")) + "; see kubectl rollout history deployment/"
                + deployment.substring(deployment.indexOf('/') + 1) + " -n " + deployment.substring(0,
                deployment.indexOf('/'));
    }
}
