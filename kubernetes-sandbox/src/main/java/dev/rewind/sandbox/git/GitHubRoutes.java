package dev.rewind.sandbox.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.sandbox.git.SandboxGit.ChangeRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's REST API (v3, {@code X-GitHub-Api-Version 2022-11-28}) over {@link SandboxGit}: refs, recursive trees,
 * contents (read and update one file on a branch, blob sha checked: 409 when stale), pull requests (open: 422 when one
 * is open for the branch; list by head; read; merge: 405 not mergeable, 409 head moved), and the comparison of two
 * commits (identical, ahead, behind, diverged).
 */
final class GitHubRoutes {

    private final SandboxGit git;

    GitHubRoutes(SandboxGit git) {
        this.git = git;
    }

    Reply route(String method, String path, Map<String, String> query, JsonNode body) {
        String[] parts = path.split("/", 5);
        if (parts.length < 5 || !parts[1].equals("repos")) {
            return Reply.error(404, "Not Found");
        }
        String repository = GitHostStandIn.decodePath(parts[2]) + "/" + GitHostStandIn.decodePath(parts[3]);
        if (!git.exists(repository)) {
            return Reply.error(404, "Not Found");
        }
        String rest = parts[4];
        if (method.equals("GET") && rest.startsWith("git/ref/heads/")) {
            String branch = GitHostStandIn.decodePath(rest.substring("git/ref/heads/".length()));
            return git.head(repository, branch).map(sha -> Reply.json(200, ref(branch, sha)))
                    .orElse(Reply.error(404, "Not Found"));
        }
        if (method.equals("POST") && rest.equals("git/refs")) {
            String branch = body.path("ref").asText().replaceFirst("^refs/heads/", "");
            if (git.commitOf(repository, body.path("sha").asText()).isEmpty()) {
                return Reply.error(422, "Object does not exist");
            }
            return git.branch(repository, branch, body.path("sha").asText())
                    .map(sha -> Reply.json(201, ref(branch, sha))).orElse(Reply.error(422, "Reference already exists"));
        }
        if (method.equals("GET") && rest.startsWith("git/trees/")) {
            String ref = GitHostStandIn.decodePath(rest.substring("git/trees/".length()));
            return git.files(repository, ref).map(files -> Reply.json(200, Map.of("sha", ref, "truncated", false,
                    "tree", files.entrySet().stream().map(f -> Map.of("path", f.getKey(), "mode", "100644",
                            "type", "blob", "sha", blobSha(f.getValue()))).toList())))
                    .orElse(Reply.error(404, "Not Found"));
        }
        if (rest.startsWith("contents/")) {
            String file = GitHostStandIn.decodePath(rest.substring("contents/".length()));
            return method.equals("GET") ? content(repository, file, query.getOrDefault("ref", "main"))
                    : method.equals("PUT") ? updateContent(repository, file, body) : Reply.error(404, "Not Found");
        }
        if (method.equals("GET") && rest.startsWith("compare/") && rest.contains("...")) {
            String[] refs = GitHostStandIn.decodePath(rest.substring("compare/".length())).split("\\.\\.\\.", 2);
            if (git.commitOf(repository, refs[0]).isEmpty() || git.commitOf(repository, refs[1]).isEmpty()) {
                return Reply.error(404, "Not Found");
            }
            boolean ahead = git.isAncestor(repository, refs[0], refs[1]);
            boolean behind = git.isAncestor(repository, refs[1], refs[0]);
            return Reply.json(200, Map.of("status", ahead && behind ? "identical" : ahead ? "ahead" : behind
                    ? "behind" : "diverged"));
        }
        if (rest.equals("pulls")) {
            return method.equals("POST") ? openPull(repository, body) : listPulls(repository, query);
        }
        if (method.equals("PATCH") && rest.matches("pulls/[0-9]+")) {
            long number = Long.parseLong(rest.substring(6));
            if ("closed".equals(body.path("state").asText())) {
                closeQuietly(repository, number);
            }
            return git.changeRequest(repository, number).map(pr -> Reply.json(200, pull(repository, pr)))
                    .orElse(Reply.error(404, "Not Found"));
        }
        if (method.equals("POST") && rest.matches("issues/[0-9]+/comments")) {
            git.comment(repository, Long.parseLong(rest.split("/")[1]), body.path("body").asText());
            return Reply.json(201, Map.of("body", body.path("body").asText()));
        }
        if (rest.matches("pulls/[0-9]+")) {
            return git.changeRequest(repository, Long.parseLong(rest.substring(6))).map(pr -> Reply.json(200,
                    pull(repository, pr))).orElse(Reply.error(404, "Not Found"));
        }
        if (method.equals("PUT") && rest.matches("pulls/[0-9]+/merge")) {
            return merge(repository, Long.parseLong(rest.split("/")[1]), body);
        }
        return Reply.error(404, "Not Found");
    }

    private Reply content(String repository, String file, String ref) {
        Optional<String> text = git.files(repository, ref).map(files -> files.get(file));
        return text.map(t -> Reply.json(200, Map.of("type", "file", "path", file, "sha", blobSha(t),
                        "encoding", "base64", "content", Base64.getMimeEncoder().encodeToString(
                                t.getBytes(StandardCharsets.UTF_8)))))
                .orElse(Reply.error(404, "Not Found"));
    }

    private Reply updateContent(String repository, String file, JsonNode body) {
        String branch = body.path("branch").asText("main");
        Optional<Map<String, String>> files = git.files(repository, branch);
        if (files.isEmpty()) {
            return Reply.error(404, "Branch " + branch + " not found");
        }
        String current = files.get().get(file);
        if (current != null && !body.hasNonNull("sha")) {
            return Reply.error(422, "Invalid request.\n\n\"sha\" wasn't supplied.");
        }
        if (current != null && !blobSha(current).equals(body.path("sha").asText())) {
            return Reply.error(409, file + " does not match " + body.path("sha").asText());
        }
        String text = new String(Base64.getMimeDecoder().decode(body.path("content").asText()),
                StandardCharsets.UTF_8);
        String sha = git.commit(repository, branch, Map.of(file, text), body.path("message").asText());
        return Reply.json(current == null ? 201 : 200, Map.of("content", Map.of("path", file, "sha", blobSha(text)),
                "commit", Map.of("sha", sha)));
    }

    private Reply openPull(String repository, JsonNode body) {
        String head = body.path("head").asText();
        String branch = head.contains(":") ? head.substring(head.indexOf(':') + 1) : head;
        if (git.head(repository, branch).isEmpty()) {
            return Reply.json(422, Map.of("message", "Validation Failed", "errors", List.of(Map.of(
                    "resource", "PullRequest", "field", "head", "code", "invalid"))));
        }
        return git.open(repository, branch, body.path("base").asText(), body.path("title").asText(),
                        body.path("body").asText(""))
                .map(pr -> Reply.json(201, pull(repository, pr)))
                .orElse(Reply.json(422, Map.of("message", "Validation Failed", "errors", List.of(Map.of(
                        "resource", "PullRequest", "code", "custom",
                        "message", "A pull request already exists for " + head + ".")))));
    }

    private Reply listPulls(String repository, Map<String, String> query) {
        String head = query.get("head");
        String branch = head == null ? null : head.substring(head.indexOf(':') + 1);
        String state = query.getOrDefault("state", "open");
        return Reply.json(200, git.changeRequests(repository).stream()
                .filter(pr -> branch == null || pr.branch().equals(branch))
                .filter(pr -> state.equals("all") || state.equals(open(pr) ? "open" : "closed"))
                .map(pr -> pull(repository, pr)).toList());
    }

    private Reply merge(String repository, long number, JsonNode body) {
        try {
            String sha = git.merge(repository, number, body.hasNonNull("sha") ? body.path("sha").asText() : null);
            return Reply.json(200, Map.of("sha", sha, "merged", true, "message", "Pull Request successfully merged"));
        } catch (IllegalArgumentException e) {
            return Reply.error(404, "Not Found");
        } catch (IllegalStateException e) {
            return e.getMessage().equals("head moved")
                    ? Reply.error(409, "Head branch was modified. Review and try the merge again.")
                    : Reply.error(405, "Pull Request is not mergeable");
        }
    }

    private Map<String, Object> pull(String repository, ChangeRequest pr) {
        Map<String, Object> pull = new LinkedHashMap<>();
        pull.put("number", pr.number());
        pull.put("html_url", "https://github.com/" + repository + "/pull/" + pr.number());
        pull.put("state", open(pr) ? "open" : "closed");
        pull.put("title", pr.title());
        pull.put("body", pr.description());
        pull.put("head", Map.of("ref", pr.branch(), "sha", git.head(repository, pr.branch()).orElse("")));
        pull.put("base", Map.of("ref", pr.base()));
        pull.put("merged", pr.mergedSha() != null);
        pull.put("merge_commit_sha", pr.mergedSha());
        return pull;
    }

    private static boolean open(ChangeRequest pr) {
        return pr.mergedSha() == null && !pr.closed();
    }

    private static Map<String, Object> ref(String branch, String sha) {
        return Map.of("ref", "refs/heads/" + branch, "object", Map.of("type", "commit", "sha", sha));
    }

    /** Git's blob id of {@code text}: SHA-1 of {@code "blob <length>\0" + text}. */
    static String blobSha(String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes change request {@code number}; closing a closed or merged one changes nothing, as on GitHub. */
    private void closeQuietly(String repository, long number) {
        try {
            git.close(repository, number);
        } catch (IllegalStateException notOpen) {
            // GitHub answers with the pull request as it is.
        }
    }
}
