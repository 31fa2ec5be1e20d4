package dev.rewind.approval.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules every vote goes through, whatever channel it came from, so that the API and Slack cannot disagree: who may
 * vote how, nobody approves their own request, nobody counts twice, repeating one's own vote changes nothing.
 *
 * @param state where the request stands
 * @param approvals what the policy demands of it
 * @param excluded people who may not approve it: its requester and the author of the deploy judged bad
 * @param overrideRoles roles that may lift a guard's hold
 * @param votes the votes already cast
 */
public record Ballot(ApprovalState state, Approvals approvals, Set<String> excluded, Set<String> overrideRoles,
                     List<Vote> votes) {

    /** Why a vote is refused; each maps to one HTTP status and one ephemeral Slack reply. */
    public enum Refusal {
        /** The person holds no role that may cast this vote (HTTP 403). */
        NOT_ALLOWED,
        /** The requester, or the deploy's author, tried to decide on the request (HTTP 409). */
        SELF_APPROVAL,
        /** The person already voted otherwise on this request (HTTP 409). */
        ALREADY_VOTED,
        /** Every approval this person's roles could give is already given by others (HTTP 409). */
        NOT_NEEDED,
        /** The request is not open to this vote: decided already, or held by a guard (HTTP 409). */
        NOT_OPEN,
        /** A rejection or an override needs a reason (HTTP 422). */
        REASON_REQUIRED,
        /** A reason longer than {@link #MAX_REASON} characters (HTTP 422): the audit keeps every reason forever. */
        REASON_TOO_LONG
    }

    /** The longest reason a vote may carry. */
    public static final int MAX_REASON = 2_000;

    /** What became of a vote. */
    public sealed interface Outcome {
    }

    /** The vote is recorded; the request moves to {@code state} (or stays where it was). */
    public record Recorded(ApprovalState state) implements Outcome {
    }

    /** The same person cast the same vote before: nothing changes. */
    public record Repeated(ApprovalState state) implements Outcome {
    }

    /** The vote is refused, with a message for the person who cast it. */
    public record Refused(Refusal refusal, String message) implements Outcome {
    }

    public Ballot {
        excluded = Set.copyOf(excluded);
        overrideRoles = Set.copyOf(overrideRoles);
        votes = List.copyOf(votes);
    }

    /** Judges {@code who} voting {@code verdict}, with {@code reason}. */
    public Outcome cast(Approver who, Verdict verdict, String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            return new Refused(Refusal.REASON_TOO_LONG, "a reason may be at most " + MAX_REASON + " characters, this "
                    + "one has " + reason.length() + ": link to the details instead");
        }
        Optional<Vote> earlier = votes.stream().filter(vote -> who.is(vote.voter())).findFirst();
        if (earlier.isPresent()) {
            return earlier.get().verdict() == verdict ? new Repeated(state)
                    : new Refused(Refusal.ALREADY_VOTED, who.name() + " already voted " + earlier.get().verdict()
                            + " on this request; a vote cannot be changed");
        }
        if (state.decided()) {
            return new Refused(Refusal.NOT_OPEN, "the request is already " + state);
        }
        return switch (verdict) {
            case APPROVE -> approve(who);
            case REJECT -> reject(who, reason);
            case OVERRIDE -> override(who, reason);
        };
    }

    private Outcome approve(Approver who) {
        if (state == ApprovalState.HELD) {
            return new Refused(Refusal.NOT_OPEN, "a guard holds this request: it needs an override, with a reason, "
                    + "by " + orList(overrideRoles) + " before anyone can approve it");
        }
        if (!holdsAny(who, approvals.roles())) {
            return new Refused(Refusal.NOT_ALLOWED, "approving needs the role " + orList(approvals.roles())
                    + "; " + who.name() + " has " + rolesOf(who));
        }
        if (isExcluded(who)) {
            return new Refused(Refusal.SELF_APPROVAL, who.name() + " requested this rollback or deployed the "
                    + "release it judges bad, so cannot approve it: someone else must");
        }
        List<Set<String>> consenting = consentingRoles();
        int before = approvals.filledBy(consenting);
        consenting.add(who.roles());
        int after = approvals.filledBy(consenting);
        if (after == before) {
            return new Refused(Refusal.NOT_NEEDED, "the approvals " + who.name() + "'s roles could give are given "
                    + "already; this request still needs " + (approvals.slots().size() - before)
                    + " more from other roles (" + approvals + ")");
        }
        return new Recorded(after == approvals.slots().size() ? ApprovalState.APPROVED : ApprovalState.PENDING);
    }

    private Outcome reject(Approver who, String reason) {
        Set<String> allowed = new LinkedHashSet<>(approvals.roles());
        if (state == ApprovalState.HELD) {
            allowed.addAll(overrideRoles);
        }
        if (!holdsAny(who, allowed)) {
            return new Refused(Refusal.NOT_ALLOWED, "rejecting needs the role " + orList(allowed) + "; "
                    + who.name() + " has " + rolesOf(who));
        }
        if (isExcluded(who)) {
            return new Refused(Refusal.SELF_APPROVAL, who.name() + " requested this rollback or deployed the "
                    + "release it judges bad, so cannot decide on it either way: someone else must");
        }
        if (blank(reason)) {
            return new Refused(Refusal.REASON_REQUIRED, "say why the rollback is rejected: the reason is recorded "
                    + "and shown to everyone on the incident");
        }
        return new Recorded(ApprovalState.REJECTED);
    }

    private Outcome override(Approver who, String reason) {
        if (state != ApprovalState.HELD) {
            return new Refused(Refusal.NOT_OPEN, "no guard holds this request: there is nothing to override");
        }
        if (!holdsAny(who, overrideRoles)) {
            return new Refused(Refusal.NOT_ALLOWED, "overriding a guard needs the role " + orList(overrideRoles)
                    + "; " + who.name() + " has " + rolesOf(who));
        }
        if (isExcluded(who)) {
            return new Refused(Refusal.SELF_APPROVAL, who.name() + " requested this rollback or deployed the "
                    + "release it judges bad, so cannot override its guard: someone else must");
        }
        if (blank(reason)) {
            return new Refused(Refusal.REASON_REQUIRED, "say why the guard should not hold: the override is "
                    + "audited with its reason");
        }
        return new Recorded(approvals.satisfiedBy(List.of(who.roles())) ? ApprovalState.APPROVED
                : ApprovalState.PENDING);
    }

    /** The roles of the people whose votes count towards the approvals so far, one entry per person. */
    private List<Set<String>> consentingRoles() {
        return votes.stream().filter(Vote::consents).map(Vote::roles).collect(Collectors.toCollection(ArrayList::new));
    }

    private boolean isExcluded(Approver who) {
        return excluded.stream().anyMatch(who::is);
    }

    private static boolean holdsAny(Approver who, Collection<String> roles) {
        return roles.stream().anyMatch(who.roles()::contains);
    }

    private static String orList(Collection<String> roles) {
        return roles.isEmpty() ? "(none configured)" : String.join(" or ", roles);
    }

    private static String rolesOf(Approver who) {
        return who.roles().isEmpty() ? "no role" : String.join(", ", new TreeSet<>(who.roles()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
