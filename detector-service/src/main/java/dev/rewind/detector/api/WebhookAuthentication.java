package dev.rewind.detector.api;

import dev.rewind.detector.config.DetectorConfig;
import dev.rewind.platform.http.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires {@link WebhookCredentials} on the alert webhooks, before the body is read or validated, and says at
 * start-up when the webhooks will refuse everything (no credentials) or check nothing (anonymous access on).
 */
@ApplicationScoped
public class WebhookAuthentication {

    private static final Logger LOG = Logger.getLogger(WebhookAuthentication.class);
    private static final String WEBHOOKS = "/api/v1/alerts";

    private final WebhookCredentials credentials;

    @Inject
    public WebhookAuthentication(DetectorConfig config) {
        DetectorConfig.Webhook webhook = config.webhook();
        this.credentials = new WebhookCredentials(webhook.bearerToken(), webhook.username(), webhook.password(),
                webhook.allowAnonymous());
    }

    void report(@Observes StartupEvent started) {
        credentials.startupErrors().forEach(LOG::error);
        credentials.startupWarning().ifPresent(LOG::warn);
    }

    /** Pre-matching, so that no request reaches a webhook's content negotiation or body without credentials. */
    @ServerRequestFilter(preMatching = true)
    public void authenticate(ContainerRequestContext request) {
        if (!isWebhook(request.getUriInfo().getPath())) {
            return;
        }
        credentials.refusal(request.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(reason -> {
            throw HttpProblem.builder(Problems.of(Response.Status.UNAUTHORIZED, reason))
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, String.join(", ", credentials.challenges()))
                    .build();
        });
    }

    /** Vert.x has already removed dot segments; repeated slashes are collapsed here so none slips past. */
    static boolean isWebhook(String path) {
        String normalized = path.replaceAll("/{2,}", "/");
        return normalized.equals(WEBHOOKS) || normalized.startsWith(WEBHOOKS + "/");
    }
}
