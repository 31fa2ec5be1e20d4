package dev.rewind.executor.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.executor.domain.MethodUnavailable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code helm rollback RELEASE [REVISION]}'s preparation ({@code prepareRollback} in {@code pkg/action/rollback.go}),
 * as a pure function of the release's history: the current revision is the highest whatever its status, the target
 * the one asked for or the one before the current, and the new revision (current + 1) the target's chart, values,
 * manifest, hooks and labels, {@code pending-rollback}, described {@code Rollback to N}.
 *
 * @param current the highest revision
 * @param target the revision to return to
 * @param rollback the revision to create
 */
public record HelmRollbackPlan(HelmRelease current, HelmRelease target, HelmRelease rollback) {

    /** Hook events Rewind does not run; a target with such hooks is left to {@code helm rollback} itself. */
    public static final Set<String> ROLLBACK_HOOK_EVENTS = Set.of("pre-rollback", "post-rollback");

    /**
     * Plans rolling release {@code name} back.
     *
     * @param history every stored revision of the release, in any order
     * @param toRevision the revision asked for, 0 for the one before the current
     * @param now when the new revision is deployed ({@code info.last_deployed})
     * @throws MethodUnavailable with Helm's words when there is no such release or revision, or when the target's
     *         chart has rollback hooks
     */
    public static HelmRollbackPlan of(String name, List<HelmRelease> history, long toRevision, Instant now) {
        if (toRevision < 0) {
            throw new MethodUnavailable("invalid release revision: " + toRevision);
        }
        HelmRelease current = history.stream().max(Comparator.comparingLong(HelmRelease::version))
                .orElseThrow(() -> new MethodUnavailable("release: not found (no Helm release Secret of release \""
                        + name + "\")"));
        long targetVersion = toRevision == 0 ? current.version() - 1 : toRevision;
        HelmRelease target = history.stream().filter(r -> r.version() == targetVersion).findFirst()
                .orElseThrow(() -> new MethodUnavailable("release has no " + targetVersion + " version"));
        Map<String, List<String>> rollbackHooks = new TreeMap<>();
        target.hookEvents().forEach((hook, events) -> {
            if (events.stream().anyMatch(ROLLBACK_HOOK_EVENTS::contains)) {
                rollbackHooks.put(hook, events);
            }
        });
        if (!rollbackHooks.isEmpty()) {
            throw new MethodUnavailable("revision " + targetVersion + " of release \"" + name + "\" has rollback "
                    + "hooks " + rollbackHooks + ", which Rewind does not run: roll back with 'helm rollback " + name
                    + " " + targetVersion + "' or another method");
        }
        return new HelmRollbackPlan(current, target, rollbackRecord(current, target, now));
    }

    /** The description Helm gives the new revision. */
    public static String description(long targetVersion) {
        return "Rollback to " + targetVersion;
    }

    /** The failure description Helm gives the new revision when applying its objects failed. */
    public static String failure(String name, String error) {
        return "Rollback \"" + name + "\" failed: " + error;
    }

    private static HelmRelease rollbackRecord(HelmRelease current, HelmRelease target, Instant now) {
        // The target's tree, so chart, config, manifest, hooks and fields Rewind does not know come with it.
        ObjectNode json = target.json().deepCopy();
        json.put("name", current.name());
        json.put("namespace", current.namespace());
        json.put("version", current.version() + 1);
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        JsonNode firstDeployed = current.json().path("info").path("first_deployed");
        if (!firstDeployed.isMissingNode()) {
            info.set("first_deployed", firstDeployed.deepCopy());
        }
        info.put("last_deployed", now.toString());
        info.put("deleted", "");
        info.put("description", description(target.version()));
        info.put("status", HelmStatus.PENDING_ROLLBACK.wire());
        String notes = target.json().path("info").path("notes").asText("");
        if (!notes.isEmpty()) {
            info.put("notes", notes);
        }
        json.set("info", info);
        return new HelmRelease(json, target.labels());
    }
}
