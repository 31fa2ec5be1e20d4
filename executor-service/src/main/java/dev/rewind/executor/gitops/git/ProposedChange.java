package dev.rewind.executor.gitops.git;

import java.util.Map;

/**
 * A change to propose: branch {@code branch} made from {@code baseSha} (the head of {@code base} that was read) with
 * {@code files} (path to new text), and a request to merge it into {@code base} titled {@code title}.
 */
public record ProposedChange(String base, String baseSha, String branch, Map<String, String> files, String message,
                             String title, String description) {

    public ProposedChange {
        files = Map.copyOf(files);
    }
}
