package dev.rewind.executor.gitops.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.executor.gitops.git.HostCalls.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * GitHub (github.com or Enterprise Server) through its REST API, which has no revert: a branch is created at the
 * base's head, each file changed by the contents API (one commit each, the blob's sha as compare-and-set), then a pull
 * request opened and merged with a merge commit.
 */
final class GitHubHost implements GitHost {

    private final GitHubApi api;
    private final String authorization;
    private final HostCalls calls;

    GitHubHost(GitHubApi api, String token, HostCalls calls) {
        this.api = api;
        this.authorization = "Bearer " + token;
        this.calls = calls;
    }

    @Override
    public GitSnapshot read(String project, String branch, String directory) {
        String[] repo = GitPaths.ownerAndName(project);
        String head = head(repo, branch);
        if (head == null) {
            throw new GitHostFailed(404, "branch " + branch + " of " + project + " not found");
        }
        JsonNode tree = calls.call("read the tree of " + project + "@" + head,
                () -> api.tree(authorization, repo[0], repo[1], head, "1")).json();
        Map<String, String> files = new TreeMap<>();
        for (JsonNode entry : tree.path("tree")) {
            String path = entry.path("path").asText();
            if (entry.path("type").asText().equals("blob") && GitPaths.under(path, directory)) {
                files.put(path, content(repo, path, head));
            }
        }
        return new GitSnapshot(head, files);
    }

    @Override
    public ChangeRequest propose(String project, ProposedChange change) {
        String[] repo = GitPaths.ownerAndName(project);
        if (head(repo, change.branch()) == null) {
            ObjectNode ref = HostCalls.JSON.createObjectNode().put("ref", "refs/heads/" + change.branch())
                    .put("sha", change.baseSha());
            // 422: made by an earlier attempt whose answer was lost.
            calls.call("create branch " + change.branch(), () -> api.createRef(authorization, repo[0], repo[1],
                    ref.toString()), 422);
        }
        for (Map.Entry<String, String> file : change.files().entrySet()) {
            JsonNode current = calls.call("read " + file.getKey(), () -> api.content(authorization, repo[0],
                    repo[1], GitPaths.encodePath(file.getKey()), change.branch())).json();
            if (!decode(current).equals(file.getValue())) {
                ObjectNode update = HostCalls.JSON.createObjectNode().put("message", change.message())
                        .put("content", Base64.getEncoder().encodeToString(
                                file.getValue().getBytes(StandardCharsets.UTF_8)))
                        .put("sha", current.path("sha").asText()).put("branch", change.branch());
                calls.call("update " + file.getKey() + " on " + change.branch(), () -> api.updateContent(
                        authorization, repo[0], repo[1], GitPaths.encodePath(file.getKey()), update.toString()));
            }
        }
        JsonNode existing = calls.call("find the pull request of " + change.branch(), () -> api.pulls(authorization,
                repo[0], repo[1], repo[0] + ":" + change.branch(), "all")).json();
        if (existing.size() > 0) {
            return request(existing.get(0));
        }
        ObjectNode pull = HostCalls.JSON.createObjectNode().put("title", change.title()).put("head", change.branch())
                .put("base", change.base()).put("body", change.description());
        return request(calls.call("open a pull request of " + change.branch(), () -> api.openPull(authorization,
                repo[0], repo[1], pull.toString())).json());
    }

    @Override
    public ChangeRequest current(String project, ChangeRequest request) {
        String[] repo = GitPaths.ownerAndName(project);
        return request(calls.call("read pull request #" + request.number(), () -> api.pull(authorization, repo[0],
                repo[1], request.number())).json());
    }

    @Override
    public void close(String project, ChangeRequest request, String why) {
        String[] repo = GitPaths.ownerAndName(project);
        JsonNode current = calls.call("read pull request #" + request.number(), () -> api.pull(authorization, repo[0],
                repo[1], request.number())).json();
        if (!current.path("state").asText().equals("open")) {
            return;
        }
        String comment = HostCalls.JSON.createObjectNode().put("body", why).toString();
        calls.call("comment on pull request #" + request.number(), () -> api.comment(authorization, repo[0],
                repo[1], request.number(), comment));
        String closed = HostCalls.JSON.createObjectNode().put("state", "closed").toString();
        calls.call("close pull request #" + request.number(), () -> api.updatePull(authorization, repo[0], repo[1],
                request.number(), closed));
    }

    @Override
    public String merge(String project, ChangeRequest request) {
        String[] repo = GitPaths.ownerAndName(project);
        JsonNode current = calls.call("read pull request #" + request.number(), () -> api.pull(authorization,
                repo[0], repo[1], request.number())).json();
        if (current.path("merged").asBoolean()) {
            return current.path("merge_commit_sha").asText();
        }
        ObjectNode merge = HostCalls.JSON.createObjectNode().put("merge_method", "merge")
                .put("sha", request.headSha());
        Answer answer = calls.call("merge pull request #" + request.number(), () -> api.merge(authorization, repo[0],
                repo[1], request.number(), merge.toString()), 405, 409, 422);
        if (answer.status() != 200) {
            throw new GitChangeRefused(answer.status(), "GitHub will not merge pull request " + request.url() + " ("
                    + answer.status() + " " + HostCalls.message(answer.body()) + ")");
        }
        return answer.json().path("sha").asText();
    }

    @Override
    public boolean includes(String project, String revision, String sha) {
        if (revision.equals(sha)) {
            return true;
        }
        String[] repo = GitPaths.ownerAndName(project);
        String status = calls.call("compare " + sha + " with " + revision, () -> api.compare(authorization, repo[0],
                repo[1], sha + "..." + revision)).json().path("status").asText();
        return status.equals("identical") || status.equals("ahead");
    }

    private String head(String[] repo, String branch) {
        Answer answer = calls.call("read branch " + branch, () -> api.ref(authorization, repo[0], repo[1],
                GitPaths.encodePath(branch)), 404);
        return answer.status() == 404 ? null : answer.json().path("object").path("sha").asText();
    }

    private String content(String[] repo, String path, String ref) {
        return decode(calls.call("read " + path, () -> api.content(authorization, repo[0], repo[1],
                GitPaths.encodePath(path), ref)).json());
    }

    private static ChangeRequest request(JsonNode pull) {
        return new ChangeRequest(pull.path("number").asLong(), pull.path("html_url").asText(),
                pull.path("head").path("ref").asText(), pull.path("head").path("sha").asText(),
                pull.path("merged").asBoolean() ? pull.path("merge_commit_sha").textValue() : null);
    }

    private static String decode(JsonNode content) {
        return new String(Base64.getMimeDecoder().decode(content.path("content").asText()), StandardCharsets.UTF_8);
    }
}
