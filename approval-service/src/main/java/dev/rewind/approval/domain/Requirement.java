package dev.rewind.approval.domain;

import java.time.Duration;
import java.util.List;

/**
 * What the policy demands of one request.
 *
 * @param approvals who must approve; none means approved by policy at once
 * @param notifyRoles roles told of the rollback even when nobody needs to approve it (staging: the team lead)
 * @param deadline how long the request may wait for a decision before it escalates
 * @param expireAfter how long an undecided request waits before it expires and its incident closes
 */
public record Requirement(Approvals approvals, List<String> notifyRoles, Duration deadline, Duration expireAfter) {

    public Requirement {
        notifyRoles = List.copyOf(notifyRoles);
    }

    public boolean automatic() {
        return approvals.none();
    }
}
