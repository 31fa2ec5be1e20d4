package dev.rewind.executor.gitops.git;

import java.util.Map;

/**
 * A branch as read: its head commit and the text of the files under the directory read, by path from the
 * repository's root.
 */
public record GitSnapshot(String headSha, Map<String, String> files) {

    public GitSnapshot {
        files = Map.copyOf(files);
    }
}
