package dev.rewind.sandbox.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Git repositories in memory, for the sandbox's Git hosting stand-ins: each commit holds every file of the repository
 * (path to text) and its parent; branches point at commits; ids are 40 hex digits (SHA-1 of the commit's content and
 * the time). Change requests (pull or merge requests) merge with a merge commit, refusing files changed on both sides.
 */
public final class SandboxGit {

    /** One commit: its id, parent (null for the first), message and every file. */
    public record Commit(String sha, String parent, String message, Map<String, String> files) {

        public Commit {
            files = Map.copyOf(files);
        }
    }

    /** The pull or merge request of {@code branch} into {@code base}; {@code mergedSha} set once merged. */
    public record ChangeRequest(long number, String branch, String base, String title, String description,
                                String mergedSha, boolean closed) {
    }

    private final Map<String, Map<String, String>> branches = new HashMap<>();
    private final Map<String, Commit> commits = new HashMap<>();
    private final Map<String, List<ChangeRequest>> changeRequests = new HashMap<>();
    private final Map<String, List<String>> comments = new HashMap<>();

    /** Creates repository {@code repository} ({@code owner/name}) with one commit of {@code files} on {@code branch}. */
    public synchronized String create(String repository, String branch, Map<String, String> files) {
        branches.put(repository, new HashMap<>());
        changeRequests.put(repository, new ArrayList<>());
        return commit(repository, branch, files, "initial commit");
    }

    /**
     * Commits {@code changes} (path to new text) on top of {@code branch}'s head, as a person's push; the branch is
     * created from nothing when it does not exist.
     */
    public synchronized String commit(String repository, String branch, Map<String, String> changes, String message) {
        String parent = repo(repository).get(branch);
        Map<String, String> files = new TreeMap<>(parent == null ? Map.of() : commits.get(parent).files());
        files.putAll(changes);
        return advance(repository, branch, new Commit(sha(parent + message + files), parent, message, files));
    }

    /** Points {@code branch} at {@code sha}; empty when it exists already. */
    public synchronized Optional<String> branch(String repository, String branch, String sha) {
        Map<String, String> repo = repo(repository);
        if (repo.containsKey(branch)) {
            return Optional.empty();
        }
        requireCommit(sha);
        repo.put(branch, sha);
        return Optional.of(sha);
    }

    public synchronized Optional<String> head(String repository, String branch) {
        return Optional.ofNullable(repo(repository).get(branch));
    }

    public synchronized Optional<Commit> commitOf(String repository, String sha) {
        repo(repository);
        return Optional.ofNullable(commits.get(sha));
    }

    /** The commit whose id starts with {@code prefix} (an abbreviated id, or a whole one), when exactly one does. */
    public synchronized Optional<Commit> commitStartingWith(String repository, String prefix) {
        repo(repository);
        List<Commit> matches = commits.values().stream().filter(c -> c.sha().startsWith(prefix)).limit(2).toList();
        return prefix.isEmpty() || matches.size() != 1 ? Optional.empty() : Optional.of(matches.get(0));
    }

    /** The files of {@code repository} at {@code ref} (a branch or a commit id). */
    public synchronized Optional<Map<String, String>> files(String repository, String ref) {
        String sha = repo(repository).getOrDefault(ref, ref);
        return Optional.ofNullable(commits.get(sha)).map(Commit::files);
    }

    /** Opens a change request of {@code branch} into {@code base}; empty when one is open for that branch already. */
    public synchronized Optional<ChangeRequest> open(String repository, String branch, String base, String title,
                                                     String description) {
        List<ChangeRequest> requests = changeRequests.get(repository);
        if (requests.stream().anyMatch(r -> r.branch().equals(branch) && r.mergedSha() == null && !r.closed())) {
            return Optional.empty();
        }
        ChangeRequest request = new ChangeRequest(requests.size() + 1, branch, base, title, description, null, false);
        requests.add(request);
        return Optional.of(request);
    }

    /** Comments on change request {@code number}, oldest first. */
    public synchronized List<String> comments(String repository, long number) {
        return List.copyOf(comments.getOrDefault(repository + "#" + number, List.of()));
    }

    /** Adds {@code text} to change request {@code number}'s comments. */
    public synchronized void comment(String repository, long number, String text) {
        changeRequest(repository, number).orElseThrow(() -> new IllegalArgumentException("no change request "
                + number));
        comments.computeIfAbsent(repository + "#" + number, k -> new ArrayList<>()).add(text);
    }

    /**
     * Closes change request {@code number} unmerged.
     *
     * @throws IllegalStateException "not open" when it is merged or closed
     */
    public synchronized void close(String repository, long number) {
        List<ChangeRequest> requests = changeRequests.get(repository);
        ChangeRequest request = changeRequest(repository, number).orElseThrow(() ->
                new IllegalArgumentException("no change request " + number));
        if (request.mergedSha() != null || request.closed()) {
            throw new IllegalStateException("not open");
        }
        requests.set(requests.indexOf(request), new ChangeRequest(request.number(), request.branch(), request.base(),
                request.title(), request.description(), null, true));
    }

    public synchronized List<ChangeRequest> changeRequests(String repository) {
        return List.copyOf(changeRequests.get(repository));
    }

    public synchronized Optional<ChangeRequest> changeRequest(String repository, long number) {
        return changeRequests.get(repository).stream().filter(r -> r.number() == number).findFirst();
    }

    /**
     * Merges change request {@code number} with a merge commit on its base, when its branch's head is
     * {@code expectedHead} (null: any) and no file it changes changed on the base since the branch left it.
     *
     * @throws IllegalStateException "conflict: ..." when a file changed on both sides, "head moved" when the branch
     *         is not at {@code expectedHead}, "not open" when it is merged or closed
     */
    public synchronized String merge(String repository, long number, String expectedHead) {
        ChangeRequest request = changeRequest(repository, number).orElseThrow(() ->
                new IllegalArgumentException("no change request " + number));
        if (request.mergedSha() != null || request.closed()) {
            throw new IllegalStateException("not open");
        }
        String head = repo(repository).get(request.branch());
        if (expectedHead != null && !expectedHead.equals(head)) {
            throw new IllegalStateException("head moved");
        }
        String base = repo(repository).get(request.base());
        String forkPoint = mergeBase(head, base);
        Map<String, String> theirs = commits.get(base).files();
        Map<String, String> ours = commits.get(head).files();
        Map<String, String> atFork = commits.get(forkPoint).files();
        Map<String, String> merged = new TreeMap<>(theirs);
        for (Map.Entry<String, String> file : ours.entrySet()) {
            String forked = atFork.get(file.getKey());
            if (file.getValue().equals(forked)) {
                continue;
            }
            if (theirs.get(file.getKey()) != null && !theirs.get(file.getKey()).equals(forked)) {
                throw new IllegalStateException("conflict: " + file.getKey() + " changed on " + request.base());
            }
            merged.put(file.getKey(), file.getValue());
        }
        String message = "Merge pull request #" + number + " from " + request.branch();
        String sha = advance(repository, request.base(), new Commit(sha(base + head + message), base, message,
                merged));
        List<ChangeRequest> requests = changeRequests.get(repository);
        requests.set(requests.indexOf(request), new ChangeRequest(number, request.branch(), request.base(),
                request.title(), request.description(), sha, false));
        return sha;
    }

    /** True when commit {@code ancestor} is {@code descendant} or one of its ancestors. */
    public synchronized boolean isAncestor(String repository, String ancestor, String descendant) {
        repo(repository);
        for (String sha = descendant; sha != null && commits.containsKey(sha); sha = commits.get(sha).parent()) {
            if (sha.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The newest commit both {@code a} and {@code b} descend from. */
    public synchronized String mergeBase(String repository, String a, String b) {
        repo(repository);
        return mergeBase(a, b);
    }

    private String mergeBase(String head, String base) {
        List<String> baseAncestors = new ArrayList<>();
        for (String sha = base; sha != null; sha = commits.get(sha).parent()) {
            baseAncestors.add(sha);
        }
        for (String sha = head; sha != null; sha = commits.get(sha).parent()) {
            if (baseAncestors.contains(sha)) {
                return sha;
            }
        }
        throw new IllegalStateException("no common ancestor of " + head + " and " + base);
    }

    private String advance(String repository, String branch, Commit commit) {
        commits.put(commit.sha(), commit);
        repo(repository).put(branch, commit.sha());
        return commit.sha();
    }

    private Map<String, String> repo(String repository) {
        Map<String, String> repo = branches.get(repository);
        if (repo == null) {
            throw new IllegalArgumentException("no repository " + repository);
        }
        return repo;
    }

    private void requireCommit(String sha) {
        if (!commits.containsKey(sha)) {
            throw new IllegalArgumentException("no commit " + sha);
        }
    }

    /** Whether {@code repository} exists. */
    public synchronized boolean exists(String repository) {
        return branches.containsKey(repository);
    }

    private static String sha(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(
                    (content + System.nanoTime()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
