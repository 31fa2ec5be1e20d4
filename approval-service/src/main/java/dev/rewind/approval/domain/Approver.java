package dev.rewind.approval.domain;

import java.util.Locale;
import java.util.Set;

/**
 * A person deciding on a request, as an authenticated channel vouches for them: a name and the roles they hold.
 *
 * @param name the person's Rewind identity (a JWT's {@code upn}, or the name a Slack user is mapped to)
 * @param roles the roles they hold ({@code oncall}, {@code team-lead}, {@code reviewer}, {@code developer})
 */
public record Approver(String name, Set<String> roles) {

    public Approver {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an approver needs a name");
        }
        roles = Set.copyOf(roles);
    }

    /** True when this is the person named {@code other}: names compare without regard to case. */
    public boolean is(String other) {
        return other != null && name.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }
}
