package dev.rewind.postmortem.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Makes each page's {@link Chrome} from the request's signed-in person. */
@RequestScoped
public class Chromes {

    private final SecurityIdentity identity;
    private final ConsoleConfig config;

    @Inject
    public Chromes(SecurityIdentity identity, ConsoleConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** The chrome of a page in {@code section} ({@code incidents}, {@code approvals}, {@code statistics}). */
    public Chrome of(String section) {
        List<String> roles = identity.getRoles().stream().sorted().toList();
        return new Chrome(identity.isAnonymous() ? null : identity.getPrincipal().getName(), roles, section,
                config.devSignIn().enabled());
    }
}
