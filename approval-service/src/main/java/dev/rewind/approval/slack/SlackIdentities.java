package dev.rewind.approval.slack;

import dev.rewind.approval.domain.Approver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a Slack user is in Rewind: the configured name and roles of each Slack user id. A user not listed has no
 * identity and cannot vote, whatever their Slack profile says: Slack names are chosen by their owners.
 */
public final class SlackIdentities {

    private final Map<String, Approver> bySlackId;

    /**
     * @param bySlackId the Rewind identity of each Slack user id
     * @param knownRoles the roles people can hold ({@code rewind.approval.roles}); a mapping naming another is refused
     */
    public SlackIdentities(Map<String, Approver> bySlackId, Set<String> knownRoles) {
        Map<String, String> unknown = new LinkedHashMap<>();
        bySlackId.forEach((slackId, approver) -> {
            Set<String> roles = new TreeSet<>(approver.roles());
            roles.removeAll(knownRoles);
            if (!roles.isEmpty()) {
                unknown.put(slackId, String.join(",", roles));
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Slack users are mapped to roles nobody can hold " + unknown
                    + "; the roles are " + new TreeSet<>(knownRoles) + ": fix rewind.approval.slack.users.<id>.roles,"
                    + " or add the role to rewind.approval.roles");
        }
        this.bySlackId = Map.copyOf(bySlackId);
    }

    /** The identity {@code slackUserId} votes as; empty when that user is not mapped. */
    public Optional<Approver> approver(String slackUserId) {
        return slackUserId == null ? Optional.empty() : Optional.ofNullable(bySlackId.get(slackUserId));
    }
}
