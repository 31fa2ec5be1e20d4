package dev.rewind.events;

/**
 * How a rollback is performed: the runbook's three methods, with Method 2 split into its Helm and kubectl forms, and
 * a rollback in Git for targets Argo CD or Flux apply from Git.
 */
public enum RollbackMethod {
    /** Method 1: trigger the CI's custom rollback pipeline and follow it. */
    PIPELINE,
    /** Method 2: roll the Helm release back to an earlier revision. */
    HELM,
    /** Method 2: {@code kubectl rollout undo} to the previous or a given revision. */
    KUBECTL,
    /** Method 3: re-deploy the last known good version. */
    REDEPLOY,
    /** Pin the last good images in the GitOps repository (a pull or merge request), and follow the sync. */
    GITOPS
}
