package dev.rewind.executor.gitops.git;

/** The host will not merge the change (a conflict, branch protection, its branch moved, closed), in its words. */
public class GitChangeRefused extends GitHostFailed {

    public GitChangeRefused(int status, String message) {
        super(status, message);
    }
}
