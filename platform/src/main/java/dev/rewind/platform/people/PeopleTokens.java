package dev.rewind.platform.people;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says at start-up when a service that authenticates people has no key to verify their tokens (smallrye-jwt's or
 * quarkus-oidc's, as {@code rewind.people.verifier} says): every token would be answered 401. Where people's decisions are the service's job (approvals) it refuses to start
 * ({@code rewind.people.require-key=true}, the default); elsewhere it logs an ERROR and the service carries on.
 */
@ApplicationScoped
@IfBuildProperty(name = PeopleTokens.AUTHENTICATE, stringValue = "true")
public class PeopleTokens {

    /** Build property that turns people's authentication on in a service that has smallrye-jwt. */
    public static final String AUTHENTICATE = "rewind.people.authenticate";

    /** Which library verifies people's tokens in this service: {@code smallrye-jwt} (the default) or {@code oidc}. */
    public static final String VERIFIER = "rewind.people.verifier";

    /** smallrye-jwt's issuer value for "not checked": a service may default to it so that it starts without one. */
    static final String UNCHECKED_ISSUER = "NONE";

    private static final Logger LOG = Logger.getLogger(PeopleTokens.class);

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = VERIFIER, defaultValue = "smallrye-jwt") String verifier,
                 @ConfigProperty(name = "rewind.people.require-key", defaultValue = "true") boolean required) {
        Config config = ConfigProvider.getConfig();
        Optional<String> missing = "oidc".equals(verifier)
                ? missingForOidc(present(config, "quarkus.oidc.auth-server-url"),
                        present(config, "quarkus.oidc.public-key"),
                        config.getOptionalValue("quarkus.oidc.token.issuer", String.class))
                        .or(() -> clientNotAudience(config.getOptionalValue("quarkus.oidc.application-type", String.class)
                                        .orElse("service"),
                                config.getOptionalValue("quarkus.oidc.client-id", String.class).orElse(""),
                                config.getOptionalValue("quarkus.oidc.token.audience", String.class).orElse("")))
                : missing(present(config, "mp.jwt.verify.publickey") || present(config, "mp.jwt.verify.publickey.location"),
                        config.getOptionalValue("mp.jwt.verify.issuer", String.class));
        if (missing.isEmpty()) {
            return;
        }
        if (required) {
            throw new IllegalStateException(missing.get());
        }
        LOG.error(missing.get());
    }

    /** What is missing to verify people's tokens with quarkus-oidc; empty when nothing. */
    static Optional<String> missingForOidc(boolean hasServer, boolean hasKey, Optional<String> issuer) {
        if (hasServer) {
            return Optional.empty();
        }
        if (!hasKey) {
            return Optional.of("no identity provider to verify people's tokens, so every one is refused (401): set "
                    + "REWIND_OIDC_URL to your OIDC provider's URL (its issuer, which serves "
                    + "/.well-known/openid-configuration), or REWIND_OIDC_PUBLIC_KEY to its public key and "
                    + "REWIND_JWT_ISSUER to its issuer");
        }
        return issuer.isPresent() ? Optional.empty() : Optional.of("no issuer to check people's tokens against: set "
                + "REWIND_JWT_ISSUER to your identity provider's issuer (the tokens' iss claim)");
    }

    /**
     * Where people sign in (the code flow), the audience every token must carry also checks the ID token, whose
     * audience is the client: the two must be the same, or no one can sign in. Empty when they are.
     */
    static Optional<String> clientNotAudience(String applicationType, String clientId, String audience) {
        if ("service".equalsIgnoreCase(applicationType) || audience.isBlank() || audience.equals(clientId)) {
            return Optional.empty();
        }
        return Optional.of("REWIND_OIDC_CLIENT_ID '" + clientId + "' differs from REWIND_JWT_AUDIENCE '" + audience
                + "': the console's ID tokens are issued to the client and must carry the audience too, so no one "
                + "could sign in; name the client after the audience (rewind)");
    }

    private static boolean present(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(value -> !value.isBlank()).isPresent();
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
