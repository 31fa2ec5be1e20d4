package dev.rewind.platform.people;

import java.util.Set;

/**
 * A person as their bearer token vouches for them: their name (the token's {@code upn}) and the roles they hold
 * among those the asking service knows.
 */
public record Person(String name, Set<String> roles) {

    public Person {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a person needs a name");
        }
        roles = Set.copyOf(roles);
    }
}
