package dev.rewind.approval.domain;

import java.time.Duration;
import java.util.List;

/**
 * What a request needs before the rollback may run.
 *
 * @param approvals how many distinct people must approve; 0 means approved by policy at once
 * @param roles roles allowed to approve
 * @param deadline how long the request may wait for a decision before it escalates
 */
public record Requirement(int approvals, List<String> roles, Duration deadline) {

    public Requirement {
        if (approvals < 0) {
            throw new IllegalArgumentException("approvals must not be negative");
        }
        roles = List.copyOf(roles);
    }

    public boolean automatic() {
        return approvals == 0;
    }
}
