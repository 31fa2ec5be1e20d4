package dev.rewind.executor.gitops.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.executor.gitops.git.HostCalls.Answer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * Bitbucket Cloud through its REST API (2.0): the branch and its one commit made together by the source API
 * ({@code parents} the base's head, or the branch's head as compare-and-set when it exists), then a pull request opened
 * and merged with a merge commit. Bitbucket abbreviates the hashes in pull requests (12 digits): they are read whole
 * from the commit API. Its merge takes no expected head, so the merge is sent once per attempt, each attempt reading
 * the pull request (merged already?) and comparing the branch's head first; a merge it finishes after answering (202)
 * is read back until done. A commit or a pull request whose answer was lost is found by reading again.
 */
final class BitbucketHost implements GitHost {

    /** Bitbucket's largest page of pull requests (more is answered 400 "Invalid pagelen"), used for listings. */
    private static final int PAGE = 50;
    /** Merges sent, each after reading the pull request and its branch again. */
    private static final int MERGE_ATTEMPTS = 3;
    /** Entries with no manifest text to read (an LFS pointer's file answers with a redirect). */
    private static final Set<String> NO_TEXT = Set.of("lfs", "binary", "link", "subrepository");
    private static final List<String> ALL_STATES = List.of("OPEN", "MERGED", "DECLINED", "SUPERSEDED");

    private final BitbucketGitApi api;
    private final String authorization;
    private final HostCalls calls;

    BitbucketHost(BitbucketGitApi api, String authorization, HostCalls calls) {
        this.api = api;
        this.authorization = authorization;
        this.calls = calls;
    }

    @Override
    public GitSnapshot read(String project, String branch, String directory) {
        String[] repo = GitPaths.ownerAndName(project);
        String head = head(repo, branch);
        if (head == null) {
            throw new GitHostFailed(404, "branch " + branch + " of " + project + " not found");
        }
        Map<String, String> files = new TreeMap<>();
        readDirectory(repo, head, GitPaths.directory(directory), files);
        return new GitSnapshot(head, files);
    }

    /** Adds the files of {@code directory} and of the directories below it at {@code commit} to {@code files}. */
    private void readDirectory(String[] repo, String commit, String directory, Map<String, String> files) {
        String page = null;
        do {
            String token = page;
            JsonNode entries = calls.call("list " + (directory.isEmpty() ? "/" : directory) + " at " + commit,
                    () -> api.directory(authorization, repo[0], repo[1], commit, GitPaths.encodePath(directory),
                            PAGE, token)).json();
            for (JsonNode entry : entries.path("values")) {
                String path = entry.path("path").asText();
                if (StreamSupport.stream(entry.path("attributes").spliterator(), false)
                        .anyMatch(attribute -> NO_TEXT.contains(attribute.asText()))) {
                    continue;
                }
                switch (entry.path("type").asText()) {
                    case "commit_file" -> files.put(path, file(repo, commit, path));
                    case "commit_directory" -> readDirectory(repo, commit, path, files);
                    default -> {
                        // A submodule or another kind of entry holds no manifest text.
                    }
                }
            }
            page = BitbucketSyntax.nextPage(entries);
        } while (page != null);
    }

    @Override
    public ChangeRequest propose(String project, ProposedChange change) {
        String[] repo = GitPaths.ownerAndName(project);
        String head = head(repo, change.branch());
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<String, String> file : change.files().entrySet()) {
            if (head == null || !file(repo, head, file.getKey()).equals(file.getValue())) {
                // A leading slash: a path, never mistaken for one of the other fields (message, branch, ...).
                files.put("/" + file.getKey(), file.getValue());
            }
        }
        if (!files.isEmpty()) {
            Map<String, String> commit = new LinkedHashMap<>();
            commit.put("branch", change.branch());
            commit.put("message", change.message());
            // A new branch starts at the base's head as read; an existing one (an earlier attempt's) must not move.
            commit.put("parents", head == null ? change.baseSha() : head);
            commit.putAll(files);
            try {
                calls.call("commit to " + change.branch(), () -> api.commit(authorization, repo[0], repo[1],
                        BitbucketSyntax.form(commit)));
            } catch (GitHostFailed e) {
                // A retry of a commit whose answer was lost meets the branch moved by that very commit.
                if (e.status() != 409 || !committed(repo, change)) {
                    throw e;
                }
            }
        }
        JsonNode existing = newestPullRequest(repo, change.branch());
        if (existing != null) {
            return request(repo, existing);
        }
        ObjectNode pullRequest = HostCalls.JSON.createObjectNode().put("title", change.title())
                .put("description", change.description());
        pullRequest.putObject("source").putObject("branch").put("name", change.branch());
        pullRequest.putObject("destination").putObject("branch").put("name", change.base());
        try {
            return request(repo, calls.call("open a pull request of " + change.branch(), () -> api.openPullRequest(
                    authorization, repo[0], repo[1], pullRequest.toString())).json());
        } catch (GitHostFailed e) {
            // Opened by an attempt whose answer was lost, a retry is refused: the one opened is found by listing.
            JsonNode opened = newestPullRequest(repo, change.branch());
            if (opened == null) {
                throw e;
            }
            return request(repo, opened);
        }
    }

    /** True when {@code change}'s branch holds its files: a commit whose answer was lost took effect. */
    private boolean committed(String[] repo, ProposedChange change) {
        String head = head(repo, change.branch());
        return head != null && change.files().entrySet().stream().allMatch(file -> file(repo, head, file.getKey())
                .equals(file.getValue()));
    }

    /** The newest pull request from {@code branch}, in any state; null when there is none. */
    private JsonNode newestPullRequest(String[] repo, String branch) {
        String ofBranch = "source.branch.name=" + BitbucketSyntax.quoted(branch);
        JsonNode existing = calls.call("find the pull request of " + branch, () -> api.pullRequests(
                authorization, repo[0], repo[1], ofBranch, ALL_STATES, PAGE)).json();
        JsonNode newest = null;
        for (JsonNode pullRequest : existing.path("values")) {
            if (newest == null || pullRequest.path("id").asLong() > newest.path("id").asLong()) {
                newest = pullRequest;
            }
        }
        return newest;
    }

    @Override
    public ChangeRequest current(String project, ChangeRequest request) {
        String[] repo = GitPaths.ownerAndName(project);
        return request(repo, pullRequest(repo, request.number()));
    }

    @Override
    public void close(String project, ChangeRequest request, String why) {
        String[] repo = GitPaths.ownerAndName(project);
        if (!pullRequest(repo, request.number()).path("state").asText().equals("OPEN")) {
            return;
        }
        ObjectNode comment = HostCalls.JSON.createObjectNode();
        comment.putObject("content").put("raw", why);
        calls.call("comment on pull request #" + request.number(), () -> api.comment(authorization, repo[0],
                repo[1], request.number(), comment.toString()));
        calls.call("decline pull request #" + request.number(), () -> api.decline(authorization, repo[0], repo[1],
                request.number()));
    }

    @Override
    public String merge(String project, ChangeRequest request) {
        String[] repo = GitPaths.ownerAndName(project);
        GitHostFailed passing = null;
        for (int attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
            JsonNode current = pullRequest(repo, request.number());
            String state = current.path("state").asText();
            if (state.equals("MERGED")) {
                return mergeSha(repo, current);
            }
            if (!state.equals("OPEN")) {
                throw new GitChangeRefused(409, "Rewind will not merge pull request " + request.url() + " (it is "
                        + state + ")");
            }
            String head = head(repo, request.branch());
            if (head == null || !head.equals(request.headSha())) {
                throw new GitChangeRefused(409, "Rewind will not merge pull request " + request.url() + " (409 its "
                        + "branch " + request.branch() + (head == null ? " no longer exists" : " is at " + head
                        + ", not at " + request.headSha() + " as proposed") + ")");
            }
            ObjectNode merge = HostCalls.JSON.createObjectNode().put("type", "pullrequest_merge_parameters")
                    .put("merge_strategy", "merge_commit");
            Answer answer;
            try {
                answer = calls.once("merge pull request #" + request.number(), () -> api.merge(authorization,
                        repo[0], repo[1], request.number(), merge.toString()), 400, 409);
            } catch (GitHostFailed e) {
                if (!e.isTransient()) {
                    throw e;
                }
                // No answer, or a 555/5xx: it may have merged; read again before anything is sent again.
                passing = e;
                continue;
            }
            if (answer.status() == 400 || answer.status() == 409) {
                throw new GitChangeRefused(answer.status(), "Bitbucket will not merge pull request " + request.url()
                        + " (" + answer.status() + " " + HostCalls.message(answer.body()) + ")");
            }
            JsonNode merged = answer.status() == 202 ? calls.await("merge pull request #" + request.number(),
                    () -> api.pullRequest(authorization, repo[0], repo[1], request.number()),
                    read -> !read.json().path("state").asText().equals("OPEN")).json() : answer.json();
            if (!merged.path("state").asText().equals("MERGED")) {
                throw new GitChangeRefused(answer.status(), "Bitbucket did not merge pull request " + request.url()
                        + ": it is " + merged.path("state").asText());
            }
            return mergeSha(repo, merged);
        }
        throw passing;
    }

    /**
     * The commit that merged {@code pullRequest}: its merge commit, or, for one merged without (fast-forward, by
     * people), its source commit, which the target branch then includes.
     */
    private String mergeSha(String[] repo, JsonNode pullRequest) {
        String merge = pullRequest.path("merge_commit").path("hash").asText();
        return wholeHash(repo, merge.isEmpty() ? pullRequest.path("source").path("commit").path("hash").asText()
                : merge);
    }

    @Override
    public boolean includes(String project, String revision, String sha) {
        if (revision.equals(sha)) {
            return true;
        }
        String[] repo = GitPaths.ownerAndName(project);
        String base = calls.call("find the merge base of " + sha + " and " + revision, () -> api.mergeBase(
                authorization, repo[0], repo[1], sha + ".." + revision)).json().path("hash").asText();
        // Whole, as the commit API answers; a prefix, should Bitbucket abbreviate it as it does elsewhere.
        return !base.isEmpty() && sha.startsWith(base);
    }

    private String head(String[] repo, String branch) {
        Answer answer = calls.call("read branch " + branch, () -> api.branch(authorization, repo[0], repo[1],
                GitPaths.encodePath(branch)), 404);
        return answer.status() == 404 ? null : answer.json().path("target").path("hash").asText();
    }

    private String file(String[] repo, String commit, String path) {
        return calls.call("read " + path, () -> api.file(authorization, repo[0], repo[1], commit,
                GitPaths.encodePath(path))).body();
    }

    private JsonNode pullRequest(String[] repo, long id) {
        return calls.call("read pull request #" + id, () -> api.pullRequest(authorization, repo[0], repo[1], id))
                .json();
    }

    /** The whole hash of commit {@code hash}, which Bitbucket may have abbreviated; null for none. */
    private String wholeHash(String[] repo, String hash) {
        if (hash == null || hash.isEmpty()) {
            return null;
        }
        return calls.call("read commit " + hash, () -> api.commitOf(authorization, repo[0], repo[1], hash)).json()
                .path("hash").asText();
    }

    private ChangeRequest request(String[] repo, JsonNode pullRequest) {
        return new ChangeRequest(pullRequest.path("id").asLong(),
                pullRequest.path("links").path("html").path("href").asText(),
                pullRequest.path("source").path("branch").path("name").asText(),
                wholeHash(repo, pullRequest.path("source").path("commit").path("hash").asText()),
                pullRequest.path("state").asText().equals("MERGED") ? mergeSha(repo, pullRequest) : null);
    }
}
