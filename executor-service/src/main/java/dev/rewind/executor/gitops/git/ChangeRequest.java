package dev.rewind.executor.gitops.git;

/**
 * A pull request (GitHub, Bitbucket) or merge request (GitLab) as the host answered it.
 *
 * @param number its number (GitHub), iid (GitLab) or id (Bitbucket)
 * @param url where people read it
 * @param headSha the head of its branch
 * @param mergeSha the merge commit once merged, else null
 */
public record ChangeRequest(long number, String url, String branch, String headSha, String mergeSha) {

    public boolean merged() {
        return mergeSha != null;
    }
}
