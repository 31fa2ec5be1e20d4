package dev.rewind.platform.people;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says at start-up when a service that authenticates people has no key to verify their tokens: every token would be
 * answered 401. Where people's decisions are the service's job (approvals) it refuses to start
 * ({@code rewind.people.require-key=true}, the default); elsewhere it logs an ERROR and the service carries on.
 */
@ApplicationScoped
@IfBuildProperty(name = PeopleTokens.AUTHENTICATE, stringValue = "true")
public class PeopleTokens {

    /** Build property that turns people's authentication on in a service that has smallrye-jwt. */
    public static final String AUTHENTICATE = "rewind.people.authenticate";

    /** smallrye-jwt's issuer value for "not checked": a service may default to it so that it starts without one. */
    static final String UNCHECKED_ISSUER = "NONE";

    private static final Logger LOG = Logger.getLogger(PeopleTokens.class);

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
                 @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
                 @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
                 @ConfigProperty(name = "rewind.people.require-key", defaultValue = "true") boolean required) {
        Optional<String> missing = missing(key.isPresent() || location.isPresent(), issuer);
        if (missing.isEmpty()) {
            return;
        }
        if (required) {
            throw new IllegalStateException(missing.get());
        }
        LOG.error(missing.get());
    }

    /** What is missing to verify people's tokens, said for the person deploying the service; empty when nothing. */
    static Optional<String> missing(boolean hasKey, Optional<String> issuer) {
        if (!hasKey) {
            return Optional.of("no key to verify people's tokens, so every one is refused (401): set "
                    + "MP_JWT_VERIFY_PUBLICKEY_LOCATION to your identity provider's JWKS URL (or a PEM file), or "
                    + "MP_JWT_VERIFY_PUBLICKEY to the PEM key, and REWIND_JWT_ISSUER to its issuer");
        }
        if (issuer.filter(value -> !UNCHECKED_ISSUER.equals(value)).isEmpty()) {
            return Optional.of("no issuer to check people's tokens against: set REWIND_JWT_ISSUER to your identity "
                    + "provider's issuer (the tokens' iss claim)");
        }
        return Optional.empty();
    }
}
