package dev.rewind.platform.people;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The person the request's token vouches for (a bearer token verified by smallrye-jwt or quarkus-oidc, or a console
 * session): their name, and the roles among the token's groups that the asking service knows. Only in services that
 * authenticate people ({@code rewind.people.authenticate=true}).
 */
@RequestScoped
@IfBuildProperty(name = PeopleTokens.AUTHENTICATE, stringValue = "true")
public class People {

    private final SecurityIdentity identity;

    @Inject
    public People(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller, holding those of {@code roles} their token grants; 403 when it grants none of them. */
    public Person caller(Set<String> roles) {
        String name = identity.getPrincipal().getName();
        Set<String> held = identity.getRoles().stream().filter(roles::contains).collect(Collectors.toSet());
        if (held.isEmpty()) {
            throw new ForbiddenException(name + "'s token holds none of the Rewind roles " + new TreeSet<>(roles)
                    + " this needs in its groups claim; ask your identity provider's admin for one");
        }
        return new Person(name, held);
    }
}
