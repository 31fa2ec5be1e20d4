package dev.rewind.executor.gitops.git;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Projects, directories and file paths as the Git hosts' APIs take them. */
final class GitPaths {

    private GitPaths() {
    }

    /** {@code project} ({@code owner/name}, {@code workspace/repo_slug}) as its two parts. */
    static String[] ownerAndName(String project) {
        String[] parts = project.split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an owner/name: " + project);
        }
        return parts;
    }

    /** A directory from the repository's root, without {@code ./} or slashes around it; "" for the root. */
    static String directory(String directory) {
        return directory.replaceAll("^\\./|^/|/$", "");
    }

    /** True when file {@code path} is in {@code directory} or below it. */
    static boolean under(String path, String directory) {
        String dir = directory(directory);
        return dir.isEmpty() || path.startsWith(dir + "/");
    }

    /** Each segment percent-encoded, the slashes between them kept. */
    static String encodePath(String path) {
        return Arrays.stream(path.split("/")).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")).collect(Collectors.joining("/"));
    }
}
