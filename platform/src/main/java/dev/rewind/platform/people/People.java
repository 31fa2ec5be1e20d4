package dev.rewind.platform.people;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person behind the request's bearer token (smallrye-jwt): their name, and the roles among the token's groups that
 * the asking service knows. Only in services that authenticate people ({@code rewind.people.authenticate=true}).
 */
@RequestScoped
@IfBuildProperty(name = PeopleTokens.AUTHENTICATE, stringValue = "true")
public class People {

    private final JsonWebToken token;

    @Inject
    public People(JsonWebToken token) {
        this.token = token;
    }

    /** The caller, holding those of {@code roles} their token grants; 403 when it grants none of them. */
    public Person caller(Set<String> roles) {
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        Set<String> held = groups.stream().filter(roles::contains).collect(Collectors.toSet());
        if (held.isEmpty()) {
            throw new ForbiddenException(token.getName() + "'s token holds none of the Rewind roles " + new TreeSet<>(roles)
                    + " this needs in its groups claim; ask your identity provider's admin for one");
        }
        return new Person(token.getName(), held);
    }
}
