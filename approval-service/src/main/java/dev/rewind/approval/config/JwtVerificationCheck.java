package dev.rewind.approval.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without a key to verify people's tokens: without one every approval would be answered 401, and a
 * production request would wait for a decision nobody can make.
 */
@ApplicationScoped
public class JwtVerificationCheck {

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
                 @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        if (key.isEmpty() && location.isEmpty()) {
            throw new IllegalStateException("no key to verify approvers' tokens: set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "to your identity provider's JWKS URL (or a PEM file), or MP_JWT_VERIFY_PUBLICKEY to the PEM key, "
                    + "and REWIND_JWT_ISSUER to its issuer");
        }
    }
}
