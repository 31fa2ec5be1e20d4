package dev.rewind.approval.api;

import dev.rewind.approval.config.ApprovalConfig;
import dev.rewind.approval.domain.Approver;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person behind the request's bearer token: their name, and the Rewind roles among the token's groups. */
@RequestScoped
public class People {

    private final JsonWebToken token;
    private final ApprovalConfig config;

    @Inject
    public People(JsonWebToken token, ApprovalConfig config) {
        this.token = token;
        this.config = config;
    }

    /** The caller as an approver; 403 when their token grants no Rewind role at all. */
    public Approver caller() {
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        Set<String> roles = groups.stream().filter(config.roles()::contains).collect(Collectors.toSet());
        if (roles.isEmpty()) {
            throw new ForbiddenException(token.getName() + "'s token holds none of the Rewind roles "
                    + new TreeSet<>(config.roles()) + " in its groups claim; ask your identity provider's admin");
        }
        return new Approver(token.getName(), roles);
    }
}
