package dev.rewind.executor.gitops.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.executor.gitops.git.HostCalls.Answer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GitLab (gitlab.com or self-managed) through its REST API (v4): the branch and its one commit made together by the
 * commits API ({@code start_sha}), then a merge request opened and merged.
 */
final class GitLabHost implements GitHost {

    private static final int PAGE = 100;

    private final GitLabApi api;
    private final String token;
    private final HostCalls calls;

    GitLabHost(GitLabApi api, String token, HostCalls calls) {
        this.api = api;
        this.token = token;
        this.calls = calls;
    }

    @Override
    public GitSnapshot read(String project, String branch, String directory) {
        String head = head(project, branch);
        if (head == null) {
            throw new GitHostFailed(404, "branch " + branch + " of " + project + " not found");
        }
        String dir = GitPaths.directory(directory);
        Map<String, String> files = new TreeMap<>();
        for (int page = 1; ; page++) {
            int p = page;
            JsonNode entries = calls.call("read the tree of " + project + "@" + head, () -> api.tree(token, project,
                    dir.isEmpty() ? null : dir, head, true, PAGE, p)).json();
            for (JsonNode entry : entries) {
                if (entry.path("type").asText().equals("blob")) {
                    String path = entry.path("path").asText();
                    files.put(path, raw(project, path, head));
                }
            }
            if (entries.size() < PAGE) {
                return new GitSnapshot(head, files);
            }
        }
    }

    @Override
    public ChangeRequest propose(String project, ProposedChange change) {
        ObjectNode commit = HostCalls.JSON.createObjectNode().put("branch", change.branch())
                .put("commit_message", change.message());
        ArrayNode actions = commit.putArray("actions");
        if (head(project, change.branch()) == null) {
            commit.put("start_sha", change.baseSha());
            change.files().forEach((path, text) -> actions.addObject().put("action", "update")
                    .put("file_path", path).put("content", text));
        } else {
            // Made by an earlier attempt: only what it did not change yet.
            change.files().forEach((path, text) -> {
                if (!raw(project, path, change.branch()).equals(text)) {
                    actions.addObject().put("action", "update").put("file_path", path).put("content", text);
                }
            });
        }
        if (!actions.isEmpty()) {
            calls.call("commit to " + change.branch(), () -> api.commit(token, project, commit.toString()));
        }
        JsonNode existing = calls.call("find the merge request of " + change.branch(), () -> api.mergeRequests(token,
                project, change.branch(), "all")).json();
        if (existing.size() > 0) {
            return request(existing.get(0));
        }
        ObjectNode mergeRequest = HostCalls.JSON.createObjectNode().put("source_branch", change.branch())
                .put("target_branch", change.base()).put("title", change.title())
                .put("description", change.description()).put("remove_source_branch", true);
        return request(calls.call("open a merge request of " + change.branch(), () -> api.openMergeRequest(token,
                project, mergeRequest.toString())).json());
    }

    @Override
    public ChangeRequest current(String project, ChangeRequest request) {
        return request(calls.call("read merge request !" + request.number(), () -> api.mergeRequest(token, project,
                request.number())).json());
    }

    @Override
    public void close(String project, ChangeRequest request, String why) {
        JsonNode current = calls.call("read merge request !" + request.number(), () -> api.mergeRequest(token,
                project, request.number())).json();
        if (!current.path("state").asText().equals("opened")) {
            return;
        }
        String note = HostCalls.JSON.createObjectNode().put("body", why).toString();
        calls.call("comment on merge request !" + request.number(), () -> api.note(token, project, request.number(),
                note));
        String closed = HostCalls.JSON.createObjectNode().put("state_event", "close").toString();
        calls.call("close merge request !" + request.number(), () -> api.updateMergeRequest(token, project,
                request.number(), closed));
    }

    @Override
    public String merge(String project, ChangeRequest request) {
        JsonNode current = calls.call("read merge request !" + request.number(), () -> api.mergeRequest(token,
                project, request.number())).json();
        if (current.path("state").asText().equals("merged")) {
            return mergedAs(current);
        }
        ObjectNode merge = HostCalls.JSON.createObjectNode().put("sha", request.headSha());
        Answer answer = calls.call("merge merge request !" + request.number(), () -> api.merge(token, project,
                request.number(), merge.toString()), 405, 406, 409, 422);
        if (answer.status() != 200) {
            throw new GitChangeRefused(answer.status(), "GitLab will not merge merge request " + request.url() + " ("
                    + answer.status() + " " + HostCalls.message(answer.body()) + ")");
        }
        return mergedAs(answer.json());
    }

    /**
     * The commit a merged request left on its target: the merge commit, or the squash commit, or (fast-forward
     * merges make neither) its own head.
     */
    private static String mergedAs(JsonNode mergeRequest) {
        for (String field : new String[] {"merge_commit_sha", "squash_commit_sha", "sha"}) {
            String sha = mergeRequest.path(field).textValue();
            if (sha != null && !sha.isBlank()) {
                return sha;
            }
        }
        return null;
    }

    @Override
    public boolean includes(String project, String revision, String sha) {
        if (revision.equals(sha)) {
            return true;
        }
        return sha.equals(calls.call("find the merge base of " + sha + " and " + revision, () -> api.mergeBase(token,
                project, List.of(sha, revision))).json().path("id").asText());
    }

    private String head(String project, String branch) {
        Answer answer = calls.call("read branch " + branch, () -> api.branch(token, project, branch), 404);
        return answer.status() == 404 ? null : answer.json().path("commit").path("id").asText();
    }

    private String raw(String project, String path, String ref) {
        return calls.call("read " + path, () -> api.raw(token, project, path, ref)).body();
    }

    private static ChangeRequest request(JsonNode mergeRequest) {
        return new ChangeRequest(mergeRequest.path("iid").asLong(), mergeRequest.path("web_url").asText(),
                mergeRequest.path("source_branch").asText(), mergeRequest.path("sha").asText(),
                mergeRequest.path("state").asText().equals("merged") ? mergedAs(mergeRequest) : null);
    }
}
