package dev.rewind.executor.gitops.git;

/**
 * A Git hosting service's API (GitHub, GitLab, Bitbucket Cloud), as a GitOps rollback uses it: read what a branch
 * holds, propose a change as a pull or merge request, merge it. Every call may be repeated after a crash or a lost
 * answer: a proposal reuses the branch and request an earlier attempt made, a merge of a merged request answers its
 * merge.
 * Blocking: call it from a worker thread.
 */
public interface GitHost {

    /**
     * Branch {@code branch} of project {@code project} ({@code owner/name}): its head and the files under
     * {@code directory} ("" for all).
     *
     * @throws GitHostFailed when the host would not answer, or answered an error
     */
    GitSnapshot read(String project, String branch, String directory);

    /**
     * Branch {@code change.branch()} from {@code change.baseSha()} with {@code change.files()}, and a pull or merge
     * request of it into {@code change.base()}; what an earlier attempt made is reused.
     *
     * @throws GitHostFailed when the host would not answer, or answered an error
     */
    ChangeRequest propose(String project, ProposedChange change);

    /**
     * {@code request} as the host holds it now (merged or not, and by which commit).
     *
     * @throws GitHostFailed when the host would not answer, or answered an error
     */
    ChangeRequest current(String project, ChangeRequest request);

    /**
     * Merges {@code request} while its branch is at {@code request.headSha()}; the merge commit's id.
     *
     * @throws GitChangeRefused when the host will not merge it (conflict, branch protection, head moved, closed)
     * @throws GitHostFailed when the host would not answer, or answered another error
     */
    String merge(String project, ChangeRequest request);

    /**
     * True when commit {@code revision} is commit {@code sha} or descends from it: a controller that applied
     * {@code revision} deploys what {@code sha} merged.
     *
     * @throws GitHostFailed when the host would not answer, or answered an error
     */
    boolean includes(String project, String revision, String sha);

    /**
     * Closes {@code request} (declines it, on Bitbucket) with a comment saying {@code why}, so that nobody merges a
     * rollback that no longer fits what runs; one merged or closed already is left as it is.
     *
     * @throws GitHostFailed when the host would not answer, or answered an error
     */
    void close(String project, ChangeRequest request, String why);
}
