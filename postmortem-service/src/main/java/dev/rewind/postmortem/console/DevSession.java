package dev.rewind.postmortem.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.util.Set;

/**
 * The console's development sign-in as an authentication mechanism ({@code dev-session}): the session cookie holds a
 * token signed with the development key, verified by quarkus-oidc exactly as a bearer token is. Selected for the
 * console's paths by {@code quarkus.http.auth.permission.console.auth-mechanism}; without a valid session it sends
 * the browser to the sign-in page.
 */
@ApplicationScoped
public class DevSession implements HttpAuthenticationMechanism {

    /** The mechanism's name, for {@code auth-mechanism} settings. */
    public static final String SCHEME = "dev-session";

    /** The session cookie. */
    public static final String COOKIE = "rewind_dev_session";

    private final TenantIdentityProvider tokens;
    private final ConsoleConfig config;

    @Inject
    public DevSession(TenantIdentityProvider tokens, ConsoleConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie session = context.request().getCookie(COOKIE);
        if (!config.devSignIn().enabled() || session == null || session.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        // an expired or forged session is no session, nor is a token not minted by the sign-in: sign in again
        return tokens.authenticate(new AccessTokenCredential(session.getValue())).onFailure().recoverWithNull()
                .map(identity -> identity != null && identity.getPrincipal() instanceof JsonWebToken token
                        && token.containsClaim(DevSessionTokens.CLAIM) ? identity : null);
    }

    /**
     * A page is sent to sign in; a request of the page's own script (htmx) is answered 401, which the page shows as
     * "session ended" without replacing what the person typed.
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if ("true".equals(context.request().getHeader("HX-Request"))) {
            return Uni.createFrom().item(new ChallengeData(401));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", DevSignInResource.PATH));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, COOKIE, SCHEME));
    }
}
