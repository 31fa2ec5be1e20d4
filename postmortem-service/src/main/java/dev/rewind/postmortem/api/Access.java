package dev.rewind.postmortem.api;

import dev.rewind.platform.people.People;
import dev.rewind.platform.people.Person;
import dev.rewind.postmortem.service.PostmortemConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who the caller is, and whether their token's roles let them read incident records or edit them (403 if not). */
@RequestScoped
public class Access {

    private final People people;
    private final PostmortemConfig config;
    private final SecurityIdentity identity;

    @Inject
    public Access(People people, PostmortemConfig config, SecurityIdentity identity) {
        this.people = people;
        this.config = config;
        this.identity = identity;
    }

    /** The caller, who may read incident records. */
    public Person reader() {
        return people.caller(config.readRoles());
    }

    /** The caller, who may edit post-mortems and check checklist items. */
    public Person editor() {
        return people.caller(config.editRoles());
    }

    /** True when the caller may edit post-mortems and check checklist items (the console shows its editors then). */
    public boolean mayEdit() {
        return config.editRoles().stream().anyMatch(identity::hasRole);
    }
}
