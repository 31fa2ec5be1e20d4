package dev.rewind.sandbox.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.sandbox.git.SandboxGit.ChangeRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitLab's REST API (v4) over {@link SandboxGit}, projects addressed by URL-encoded path ({@code shop%2Fdeploy}):
 * branches, recursive trees, raw files, commits with actions (a new branch from {@code start_sha} or
 * {@code start_branch}; 400 when the branch exists or {@code last_commit_id} is stale), merge requests (open: 409 when
 * one is open for the branch; list by source branch; merge: 405 cannot be merged, 406 not open, 409 sha mismatch),
 * and the merge base of two commits.
 */
final class GitLabRoutes {

    private final SandboxGit git;

    GitLabRoutes(SandboxGit git) {
        this.git = git;
    }

    Reply route(String method, String path, Map<String, String> query, JsonNode body) {
        String[] parts = path.split("/", 4);
        if (parts.length < 4 || !parts[1].equals("projects")) {
            return Reply.error(404, "404 Not Found");
        }
        String repository = GitHostStandIn.decodePath(parts[2]);
        if (!git.exists(repository)) {
            return Reply.error(404, "404 Project Not Found");
        }
        String rest = parts[3];
        if (method.equals("GET") && rest.startsWith("repository/branches/")) {
            String branch = GitHostStandIn.decodePath(rest.substring("repository/branches/".length()));
            return git.head(repository, branch).map(sha -> Reply.json(200, Map.of("name", branch,
                    "commit", Map.of("id", sha)))).orElse(Reply.error(404, "404 Branch Not Found"));
        }
        if (method.equals("GET") && rest.equals("repository/tree")) {
            String prefix = query.getOrDefault("path", "");
            return git.files(repository, query.getOrDefault("ref", "main")).map(files -> Reply.json(200,
                    files.keySet().stream().filter(p -> prefix.isEmpty() || p.startsWith(prefix + "/"))
                            .map(p -> Map.of("path", p, "name", p.substring(p.lastIndexOf('/') + 1), "type", "blob",
                                    "mode", "100644", "id", GitHubRoutes.blobSha(files.get(p)))).toList()))
                    .orElse(Reply.error(404, "404 Tree Not Found"));
        }
        if (method.equals("GET") && rest.startsWith("repository/files/") && rest.endsWith("/raw")) {
            String file = GitHostStandIn.decodePath(rest.substring("repository/files/".length(), rest.length() - 4));
            Optional<String> text = git.files(repository, query.getOrDefault("ref", "main")).map(f -> f.get(file));
            return text.map(Reply::text).orElse(Reply.error(404, "404 File Not Found"));
        }
        if (method.equals("GET") && rest.equals("repository/merge_base")) {
            List<String> refs = query.entrySet().stream().filter(e -> e.getKey().startsWith("refs[]"))
                    .map(Map.Entry::getValue).toList();
            if (refs.size() != 2 || refs.stream().anyMatch(r -> git.commitOf(repository, r).isEmpty())) {
                return Reply.error(400, "Provide exactly two existing refs");
            }
            return Reply.json(200, Map.of("id", git.mergeBase(repository, refs.get(0), refs.get(1))));
        }
        if (method.equals("POST") && rest.equals("repository/commits")) {
            return commit(repository, body);
        }
        if (rest.equals("merge_requests")) {
            return method.equals("POST") ? open(repository, body) : list(repository, query);
        }
        if (method.equals("GET") && rest.matches("merge_requests/[0-9]+")) {
            return git.changeRequest(repository, Long.parseLong(rest.substring(15)))
                    .map(mr -> Reply.json(200, mergeRequest(repository, mr)))
                    .orElse(Reply.error(404, "404 Not found"));
        }
        if (method.equals("PUT") && rest.matches("merge_requests/[0-9]+")) {
            long iid = Long.parseLong(rest.substring(15));
            if ("close".equals(body.path("state_event").asText())) {
                try {
                    git.close(repository, iid);
                } catch (IllegalStateException notOpen) {
                    // GitLab answers with the merge request as it is.
                }
            }
            return git.changeRequest(repository, iid).map(mr -> Reply.json(200, mergeRequest(repository, mr)))
                    .orElse(Reply.error(404, "404 Not found"));
        }
        if (method.equals("POST") && rest.matches("merge_requests/[0-9]+/notes")) {
            git.comment(repository, Long.parseLong(rest.split("/")[1]), body.path("body").asText());
            return Reply.json(201, Map.of("body", body.path("body").asText()));
        }
        if (method.equals("PUT") && rest.matches("merge_requests/[0-9]+/merge")) {
            return merge(repository, Long.parseLong(rest.split("/")[1]), body);
        }
        return Reply.error(404, "404 Not Found");
    }

    private Reply commit(String repository, JsonNode body) {
        String branch = body.path("branch").asText();
        String start = body.hasNonNull("start_sha") ? body.path("start_sha").asText()
                : body.hasNonNull("start_branch") ? git.head(repository, body.path("start_branch").asText()).orElse(null)
                : null;
        if (start != null) {
            if (git.head(repository, branch).isPresent()) {
                return Reply.error(400, "A branch called '" + branch + "' already exists. Switch to that branch in "
                        + "order to make changes");
            }
            if (git.branch(repository, branch, start).isEmpty()) {
                return Reply.error(400, "A branch called '" + branch + "' already exists.");
            }
        }
        Optional<Map<String, String>> files = git.files(repository, branch);
        if (files.isEmpty()) {
            return Reply.error(400, "You can only create or edit files when you are on a branch");
        }
        Map<String, String> changes = new HashMap<>();
        for (JsonNode action : body.path("actions")) {
            String file = action.path("file_path").asText();
            if (action.hasNonNull("last_commit_id") && !lastCommitOf(repository, branch, file)
                    .equals(action.path("last_commit_id").asText())) {
                return Reply.error(400, "You are attempting to update a file that has changed since you started "
                        + "editing it.");
            }
            changes.put(file, action.path("content").asText());
        }
        String sha = git.commit(repository, branch, changes, body.path("commit_message").asText());
        return Reply.json(201, Map.of("id", sha, "short_id", sha.substring(0, 8),
                "message", body.path("commit_message").asText()));
    }

    /** The latest commit on {@code branch} that changed {@code file}. */
    private String lastCommitOf(String repository, String branch, String file) {
        String sha = git.head(repository, branch).orElseThrow();
        while (true) {
            SandboxGit.Commit commit = git.commitOf(repository, sha).orElseThrow();
            if (commit.parent() == null) {
                return sha;
            }
            String before = git.commitOf(repository, commit.parent()).orElseThrow().files().get(file);
            if (!java.util.Objects.equals(before, commit.files().get(file))) {
                return sha;
            }
            sha = commit.parent();
        }
    }

    private Reply open(String repository, JsonNode body) {
        String branch = body.path("source_branch").asText();
        if (git.head(repository, branch).isEmpty()) {
            return Reply.error(400, "Source branch does not exist");
        }
        return git.open(repository, branch, body.path("target_branch").asText(), body.path("title").asText(),
                        body.path("description").asText(""))
                .map(mr -> Reply.json(201, mergeRequest(repository, mr)))
                .orElse(Reply.json(409, Map.of("message", List.of("Another open merge request already exists for "
                        + "this source branch"))));
    }

    private Reply list(String repository, Map<String, String> query) {
        String branch = query.get("source_branch");
        String state = query.getOrDefault("state", "all");
        return Reply.json(200, git.changeRequests(repository).stream()
                .filter(mr -> branch == null || mr.branch().equals(branch))
                .map(mr -> mergeRequest(repository, mr))
                .filter(mr -> state.equals("all") || state.equals(mr.get("state"))).toList());
    }

    private Reply merge(String repository, long iid, JsonNode body) {
        try {
            git.merge(repository, iid, body.hasNonNull("sha") ? body.path("sha").asText() : null);
            return Reply.json(200, mergeRequest(repository, git.changeRequest(repository, iid).orElseThrow()));
        } catch (IllegalArgumentException e) {
            return Reply.error(404, "404 Not found");
        } catch (IllegalStateException e) {
            return switch (e.getMessage()) {
                case "head moved" -> Reply.error(409, "SHA does not match HEAD of source branch");
                case "not open" -> Reply.error(406, "Branch cannot be merged");
                default -> Reply.error(405, "405 Method Not Allowed");
            };
        }
    }

    private Map<String, Object> mergeRequest(String repository, ChangeRequest mr) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("iid", mr.number());
        request.put("web_url", "https://gitlab.com/" + repository + "/-/merge_requests/" + mr.number());
        request.put("state", mr.mergedSha() != null ? "merged" : mr.closed() ? "closed" : "opened");
        request.put("title", mr.title());
        request.put("source_branch", mr.branch());
        request.put("target_branch", mr.base());
        request.put("sha", git.head(repository, mr.branch()).orElse(null));
        request.put("merge_commit_sha", mr.mergedSha());
        return request;
    }
}
