package dev.rewind.executor.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pause of a GitOps controller's sync that an emergency rollback makes before it rolls back in the cluster, as
 * planned: which resource, and for an Argo CD Application the automated sync policy it had, put back as it was once
 * Git names the rolled-back release (a Flux resource's {@code spec.suspend} is simply set back to false).
 *
 * @param automated the Application's {@code spec.syncPolicy.automated} when planned; null for Flux
 */
public record GitOpsPause(GitOpsKind kind, String namespace, String name, Map<String, Object> automated) {

    /** The annotation Rewind leaves on the paused resource, naming the execution that paused it. */
    public static final String ANNOTATION = "rewind.dev/paused-by";

    public GitOpsPause {
        automated = automated == null ? null : Map.copyOf(automated);
    }

    /** The resource as people name it: {@code Argo CD Application argocd/checkout}. */
    public String owner() {
        return kind.title() + " " + namespace + "/" + name;
    }

    /** What pausing it changes, in people's words. */
    public String how() {
        return kind == GitOpsKind.ARGO_CD_APPLICATION ? "automated sync removed" : "spec.suspend set";
    }

    /**
     * What a failure's reason adds while this pause holds: whose sync it is, how it was paused (the policy to put back
     * included), and that it is people's to resume.
     */
    public String stillPaused() {
        return "; " + owner() + " stays paused by Rewind (" + how() + (automated == null ? "" : ", it was "
                + new TreeMap<>(automated)) + "; annotation " + ANNOTATION + "): resume it once Git names the release "
                + "that should run";
    }

    /** The annotation's value for execution {@code execution}. */
    public static String by(Object execution) {
        return "rewind execution " + execution;
    }
}
