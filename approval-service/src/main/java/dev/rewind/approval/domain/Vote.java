package dev.rewind.approval.domain;

import java.util.Set;

/**
 * A vote already cast on a request.
 *
 * @param voter who cast it
 * @param roles the roles they held when they cast it
 * @param verdict what they said
 */
public record Vote(String voter, Set<String> roles, Verdict verdict) {

    public Vote {
        roles = Set.copyOf(roles);
    }

    /** True when this vote counts towards the approvals: an approval, or an override (its author's consent). */
    public boolean consents() {
        return verdict == Verdict.APPROVE || verdict == Verdict.OVERRIDE;
    }
}
