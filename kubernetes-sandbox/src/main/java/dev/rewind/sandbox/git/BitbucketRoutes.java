package dev.rewind.sandbox.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.sandbox.git.SandboxGit.ChangeRequest;
import dev.rewind.sandbox.git.SandboxGit.Commit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bitbucket Cloud's REST API (2.0) over {@link SandboxGit}, repositories addressed as {@code workspace/repo_slug}:
 * branches; the source API (a file's text, a directory's entries a page at a time with a {@code next} link, a commit
 * of form fields: on an existing branch only when {@code parents} is its head, else 409; a new branch from
 * {@code parents}); commits by whole or abbreviated hash; pull requests, their hashes abbreviated to 12 digits as
 * Bitbucket's are (open: 400 when one is open for the branch; list by BBQL {@code source.branch.name="..."} and
 * repeated {@code state}, OPEN by default; merge with a merge commit: 400 on a conflict or when not open); the merge
 * base of two commits. Errors in Bitbucket's shape.
 */
final class BitbucketRoutes {

    private static final int SHORT_HASH = 12;
    private static final int DEFAULT_PAGELEN = 10;
    private static final int MAX_PAGELEN = 100;
    /** Bitbucket lists pull requests 50 at most to a page, and answers 400 "Invalid pagelen" to more. */
    private static final int MAX_PULL_REQUEST_PAGELEN = 50;
    private static final Set<String> COMMIT_FIELDS = Set.of("message", "author", "parents", "files", "branch");
    private static final Pattern SOURCE_BRANCH = Pattern.compile(
            "^source\\.branch\\.name\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"$");

    private final SandboxGit git;
    private final Supplier<String> apiUrl;

    /** Serves {@code git}; {@code apiUrl} is where this API is reached ({@code .../2.0}), for {@code next} links. */
    BitbucketRoutes(SandboxGit git, Supplier<String> apiUrl) {
        this.git = git;
        this.apiUrl = apiUrl;
    }

    /** Answers {@code path} (from {@code /repositories/}, raw) with its query, JSON body and form fields. */
    Reply route(String method, String path, Map<String, String> query, JsonNode body, Map<String, String> form) {
        String[] parts = path.split("/", 5);
        if (parts.length < 5 || !parts[1].equals("repositories")) {
            return Reply.bitbucketError(404, "Resource not found");
        }
        String repository = GitHostStandIn.decodePath(parts[2]) + "/" + GitHostStandIn.decodePath(parts[3]);
        if (!git.exists(repository)) {
            return Reply.bitbucketError(404, "Repository " + repository + " not found");
        }
        String rest = parts[4];
        if (method.equals("GET") && rest.startsWith("refs/branches/")) {
            String branch = GitHostStandIn.decodePath(rest.substring("refs/branches/".length()));
            return git.head(repository, branch).map(sha -> Reply.json(200, Map.of("type", "branch", "name", branch,
                    "target", Map.of("type", "commit", "hash", sha))))
                    .orElse(Reply.bitbucketError(404, "Branch \"" + branch + "\" not found"));
        }
        if (method.equals("GET") && rest.startsWith("src/")) {
            String[] source = rest.substring("src/".length()).split("/", 2);
            String file = source.length < 2 ? "" : GitHostStandIn.decodePath(source[1]).replaceAll("/+$", "");
            return source(repository, GitHostStandIn.decodePath(source[0]), file, query);
        }
        if (method.equals("POST") && rest.equals("src")) {
            return commit(repository, form);
        }
        if (method.equals("GET") && rest.startsWith("commit/")) {
            return git.commitStartingWith(repository, GitHostStandIn.decodePath(rest.substring("commit/".length())))
                    .map(commit -> Reply.json(200, commit(commit)))
                    .orElse(Reply.bitbucketError(404, "Commit not found"));
        }
        if (method.equals("GET") && rest.startsWith("merge-base/")) {
            String[] revisions = GitHostStandIn.decodePath(rest.substring("merge-base/".length())).split("\\.\\.", 2);
            Optional<Commit> a = git.commitStartingWith(repository, revisions[0]);
            Optional<Commit> b = revisions.length < 2 ? Optional.empty()
                    : git.commitStartingWith(repository, revisions[1]);
            if (a.isEmpty() || b.isEmpty()) {
                return Reply.bitbucketError(404, "Commit not found");
            }
            String base = git.mergeBase(repository, a.get().sha(), b.get().sha());
            return Reply.json(200, commit(git.commitOf(repository, base).orElseThrow()));
        }
        if (rest.equals("pullrequests")) {
            return method.equals("POST") ? open(repository, body) : list(repository, query);
        }
        if (method.equals("GET") && rest.matches("pullrequests/[0-9]+")) {
            return git.changeRequest(repository, Long.parseLong(rest.substring("pullrequests/".length())))
                    .map(pr -> Reply.json(200, pullRequest(repository, pr)))
                    .orElse(Reply.bitbucketError(404, "Pull request not found"));
        }
        if (method.equals("POST") && rest.matches("pullrequests/[0-9]+/decline")) {
            long id = Long.parseLong(rest.split("/")[1]);
            try {
                git.close(repository, id);
            } catch (IllegalStateException notOpen) {
                return Reply.bitbucketError(400, "You can't decline a pull request that is not open");
            }
            return git.changeRequest(repository, id).map(pr -> Reply.json(200, pullRequest(repository, pr)))
                    .orElse(Reply.bitbucketError(404, "Pull request not found"));
        }
        if (method.equals("POST") && rest.matches("pullrequests/[0-9]+/comments")) {
            git.comment(repository, Long.parseLong(rest.split("/")[1]), body.path("content").path("raw").asText());
            return Reply.json(201, Map.of("content", Map.of("raw", body.path("content").path("raw").asText())));
        }
        if (method.equals("POST") && rest.matches("pullrequests/[0-9]+/merge")) {
            return merge(repository, Long.parseLong(rest.split("/")[1]), body);
        }
        return Reply.bitbucketError(404, "Resource not found");
    }

    /** A file's text, or a directory's entries (files and directories right under it), a page at a time. */
    private Reply source(String repository, String commit, String path, Map<String, String> query) {
        Optional<Map<String, String>> files = git.files(repository, commit);
        if (files.isEmpty()) {
            return Reply.bitbucketError(404, "Commit not found");
        }
        String text = files.get().get(path);
        if (text != null) {
            return Reply.text(text);
        }
        String prefix = path.isEmpty() ? "" : path + "/";
        Map<String, Map<String, Object>> entries = new TreeMap<>();
        for (Map.Entry<String, String> file : files.get().entrySet()) {
            if (file.getKey().startsWith(prefix)) {
                String below = file.getKey().substring(prefix.length());
                int slash = below.indexOf('/');
                String entry = prefix + (slash < 0 ? below : below.substring(0, slash));
                entries.put(entry, slash < 0
                        ? Map.of("type", "commit_file", "path", entry, "size", file.getValue().length())
                        : Map.of("type", "commit_directory", "path", entry));
            }
        }
        if (entries.isEmpty()) {
            return Reply.bitbucketError(404, "No such file or directory: " + path);
        }
        int pagelen = Math.min(MAX_PAGELEN, Integer.parseInt(query.getOrDefault("pagelen",
                String.valueOf(DEFAULT_PAGELEN))));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        List<Map<String, Object>> all = new ArrayList<>(entries.values());
        int from = Math.min(all.size(), (page - 1) * pagelen);
        int to = Math.min(all.size(), from + pagelen);
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("pagelen", pagelen);
        listing.put("page", page);
        listing.put("values", all.subList(from, to));
        if (to < all.size()) {
            listing.put("next", apiUrl.get() + "/repositories/" + repository + "/src/" + commit + "/" + prefix
                    + "?pagelen=" + pagelen + "&page=" + (page + 1));
        }
        return Reply.json(200, listing);
    }

    /**
     * One commit of the fields naming files (a leading slash optional) on {@code branch} (main when none): an existing
     * branch must be at {@code parents} when given; a new one starts at {@code parents}, or at main's head.
     */
    private Reply commit(String repository, Map<String, String> form) {
        if (form.containsKey("files")) {
            return Reply.bitbucketError(400, "the sandbox's Bitbucket does not delete files");
        }
        String branch = form.getOrDefault("branch", "main");
        String parents = form.get("parents");
        Optional<String> head = git.head(repository, branch);
        if (head.isPresent() && parents != null && !parents.equals(head.get())) {
            return Reply.bitbucketError(409, "Unable to create commit: " + parents + " is not the head of branch "
                    + branch);
        }
        if (head.isEmpty()) {
            String start = parents != null ? parents : git.head(repository, "main").orElseThrow();
            if (git.commitOf(repository, start).isEmpty()) {
                return Reply.bitbucketError(400, "Parent commit " + start + " not found");
            }
            git.branch(repository, branch, start);
        }
        Map<String, String> changes = new HashMap<>();
        form.forEach((field, value) -> {
            if (!COMMIT_FIELDS.contains(field)) {
                changes.put(field.replaceFirst("^/+", ""), value);
            }
        });
        git.commit(repository, branch, changes, form.getOrDefault("message", "Edited online with Bitbucket"));
        return Reply.empty(201);
    }

    private Reply open(String repository, JsonNode body) {
        String branch = body.path("source").path("branch").path("name").asText();
        if (git.head(repository, branch).isEmpty()) {
            return Reply.bitbucketError(400, "source branch " + branch + " not found");
        }
        String base = body.path("destination").path("branch").path("name").asText("main");
        return git.open(repository, branch, base, body.path("title").asText(), body.path("description").asText(""))
                .map(pr -> Reply.json(201, pullRequest(repository, pr)))
                .orElse(Reply.bitbucketError(400, "There is already an open pull request from " + branch + " to "
                        + base));
    }

    private Reply list(String repository, Map<String, String> query) {
        int pagelen = Integer.parseInt(query.getOrDefault("pagelen", "10"));
        if (pagelen > MAX_PULL_REQUEST_PAGELEN) {
            return Reply.bitbucketError(400, "Invalid pagelen");
        }
        String q = query.get("q");
        String branch = null;
        if (q != null) {
            Matcher source = SOURCE_BRANCH.matcher(q.strip());
            if (!source.matches()) {
                return Reply.bitbucketError(400, "the sandbox's Bitbucket filters by source.branch.name only: " + q);
            }
            branch = source.group(1).replaceAll("\\\\(.)", "$1");
        }
        List<String> states = query.entrySet().stream().filter(e -> e.getKey().matches("state(#[0-9]+)?"))
                .map(Map.Entry::getValue).toList();
        Set<String> wanted = Set.copyOf(states.isEmpty() ? List.of("OPEN") : states);
        String only = branch;
        List<Map<String, Object>> values = git.changeRequests(repository).stream()
                .filter(pr -> only == null || pr.branch().equals(only))
                .map(pr -> pullRequest(repository, pr))
                .filter(pr -> wanted.contains(pr.get("state"))).toList();
        return Reply.json(200, Map.of("pagelen", pagelen, "size", values.size(), "page", 1, "values", values));
    }

    private Reply merge(String repository, long id, JsonNode body) {
        if (!body.path("merge_strategy").asText("merge_commit").equals("merge_commit")) {
            return Reply.bitbucketError(400, "the sandbox's Bitbucket merges with a merge commit only");
        }
        try {
            git.merge(repository, id, null);
            return Reply.json(200, pullRequest(repository, git.changeRequest(repository, id).orElseThrow()));
        } catch (IllegalArgumentException e) {
            return Reply.bitbucketError(404, "Pull request not found");
        } catch (IllegalStateException e) {
            return Reply.bitbucketError(400, e.getMessage().equals("not open")
                    ? "Only open pull requests can be merged" : "Conflicts during merge");
        }
    }

    private Map<String, Object> pullRequest(String repository, ChangeRequest pr) {
        Map<String, Object> pullRequest = new LinkedHashMap<>();
        pullRequest.put("type", "pullrequest");
        pullRequest.put("id", pr.number());
        pullRequest.put("title", pr.title());
        pullRequest.put("description", pr.description());
        pullRequest.put("state", pr.mergedSha() != null ? "MERGED" : pr.closed() ? "DECLINED" : "OPEN");
        pullRequest.put("source", Map.of("branch", Map.of("name", pr.branch()),
                "commit", Map.of("hash", abbreviated(git.head(repository, pr.branch()).orElse("")))));
        pullRequest.put("destination", Map.of("branch", Map.of("name", pr.base()),
                "commit", Map.of("hash", abbreviated(git.head(repository, pr.base()).orElse("")))));
        pullRequest.put("merge_commit", pr.mergedSha() == null ? null : Map.of("hash", abbreviated(pr.mergedSha())));
        pullRequest.put("close_source_branch", false);
        pullRequest.put("links", Map.of("html", Map.of("href", "https://bitbucket.org/" + repository
                + "/pull-requests/" + pr.number())));
        return pullRequest;
    }

    private static Map<String, Object> commit(Commit commit) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "commit");
        answer.put("hash", commit.sha());
        answer.put("message", commit.message());
        answer.put("parents", commit.parent() == null ? List.of() : List.of(Map.of("type", "commit",
                "hash", commit.parent())));
        return answer;
    }

    private static String abbreviated(String sha) {
        return sha.length() > SHORT_HASH ? sha.substring(0, SHORT_HASH) : sha;
    }
}
