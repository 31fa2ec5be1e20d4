package dev.rewind.detector.api;

import dev.rewind.detector.config.DetectorConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires the configured bearer token on the alert webhooks (Alertmanager's {@code http_config.authorization}),
 * compared in constant time. Without a configured token the webhooks are open, for local use.
 */
public class WebhookAuthentication {

    private static final Logger LOG = Logger.getLogger(WebhookAuthentication.class);

    private final Optional<byte[]> expected;

    @Inject
    public WebhookAuthentication(DetectorConfig config) {
        this.expected = config.webhook().bearerToken().filter(t -> !t.isBlank())
                .map(token -> ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        if (expected.isEmpty()) {
            LOG.warn("alert webhooks accept requests without authentication: set ALERTMANAGER_TOKEN outside local use");
        }
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request) {
        if (expected.isEmpty() || !request.getUriInfo().getPath().startsWith("/api/v1/alerts")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(expected.get(), given)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rewind\"")
                .type("application/problem+json")
                .entity(Map.of("status", 401, "title", "Unauthorized",
                        "detail", header == null ? "missing Authorization: Bearer <token> header"
                                : "the bearer token is not the one configured for this webhook"))
                .build());
    }
}
