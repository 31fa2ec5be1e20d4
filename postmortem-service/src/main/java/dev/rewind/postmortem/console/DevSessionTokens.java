package dev.rewind.postmortem.console;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs the development sign-in's session tokens with the development key, for the issuer and audience the service
 * verifies. Refuses to start when the sign-in is on beside a real identity provider, or without its key.
 */
@ApplicationScoped
public class DevSessionTokens {

    /** The claim that marks a token minted by the development sign-in; a session without it is refused. */
    static final String CLAIM = "rewind_dev_session";

    private static final Logger LOG = Logger.getLogger(DevSessionTokens.class);

    private final ConsoleConfig config;
    private final Optional<String> provider;
    private final Optional<String> issuer;
    private final String audience;
    private final String applicationType;
    private final String consoleMechanism;
    private volatile PrivateKey key;

    @Inject
    public DevSessionTokens(ConsoleConfig config,
                            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider,
                            @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> issuer,
                            @ConfigProperty(name = "quarkus.oidc.token.audience", defaultValue = "rewind") String audience,
                            @ConfigProperty(name = "quarkus.oidc.application-type", defaultValue = "service")
                            String applicationType,
                            @ConfigProperty(name = "quarkus.http.auth.permission.console.auth-mechanism",
                                    defaultValue = "code") String consoleMechanism) {
        this.config = config;
        this.applicationType = applicationType;
        this.consoleMechanism = consoleMechanism;
        this.provider = provider.filter(url -> !url.isBlank());
        this.issuer = issuer.filter(value -> !value.isBlank());
        this.audience = audience;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.devSignIn().enabled()) {
            return;
        }
        problem(provider.isPresent(), applicationType, consoleMechanism, config.devSignIn().key().isPresent(),
                issuer.isPresent()).ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
        key = read(config.devSignIn().key().get());
        LOG.warn("DEVELOPMENT SIGN-IN is on: anyone who reaches /console/sign-in can sign in as anyone, with any role. "
                + "Never turn it on (REWIND_CONSOLE_DEV_SIGN_IN) outside a developer's machine.");
    }

    /**
     * Why the development sign-in cannot be on as configured; empty when it can. It must be all of the dev stack's
     * set-up: no provider, bearer tokens only (application type {@code service}), the console on the development
     * session, a key and an issuer.
     */
    static Optional<String> problem(boolean hasProvider, String applicationType, String consoleMechanism,
                                    boolean hasKey, boolean hasIssuer) {
        if (hasProvider) {
            return Optional.of("REWIND_CONSOLE_DEV_SIGN_IN is true beside an identity provider (REWIND_OIDC_URL): the "
                    + "development sign-in is for the dev stack only; turn it off");
        }
        if (!"service".equalsIgnoreCase(applicationType) || !DevSession.SCHEME.equals(consoleMechanism)) {
            return Optional.of("REWIND_CONSOLE_DEV_SIGN_IN is true, but the service is not set up as the dev stack "
                    + "sets it (REWIND_OIDC_APPLICATION_TYPE=service, REWIND_CONSOLE_SIGN_IN=dev-session; it has "
                    + applicationType + " and " + consoleMechanism + "): the development sign-in is for the dev stack "
                    + "only; turn it off");
        }
        if (!hasKey) {
            return Optional.of("REWIND_CONSOLE_DEV_SIGN_IN is true but REWIND_CONSOLE_DEV_KEY names no private key to "
                    + "sign sessions with: point it at the dev stack's key (dev/identity.sh private-key)");
        }
        if (!hasIssuer) {
            return Optional.of("REWIND_CONSOLE_DEV_SIGN_IN is true but REWIND_JWT_ISSUER is unset: sessions need the "
                    + "issuer the service verifies tokens against");
        }
        return Optional.empty();
    }

    /** A session token for {@code name} holding {@code roles}, valid for the configured session length. */
    public String mint(String name, Set<String> roles) {
        return Jwt.issuer(issuer.orElseThrow()).audience(audience).upn(name).subject(name).groups(roles)
                .claim(CLAIM, true).expiresIn(config.devSignIn().session()).sign(key);
    }

    private static PrivateKey read(String location) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(location)));
        } catch (Exception e) {
            throw new IllegalStateException("REWIND_CONSOLE_DEV_KEY " + location + " is not a readable PEM private key: "
                    + e.getMessage(), e);
        }
    }
}
