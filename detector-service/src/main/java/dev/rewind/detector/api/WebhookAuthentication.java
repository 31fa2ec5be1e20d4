package dev.rewind.detector.api;

import dev.rewind.detector.config.DetectorConfig;
import dev.rewind.detector.config.SourcesConfig;
import dev.rewind.platform.http.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires each source's {@link WebhookCredentials} on its alert webhook ({@code /api/v1/alerts/<source>}), before
 * the body is read or validated, and says at start-up which webhooks will refuse everything (no credentials) or
 * check nothing (anonymous access on). Any other path under the webhooks takes Alertmanager's credentials.
 */
@ApplicationScoped
public class WebhookAuthentication {

    private static final Logger LOG = Logger.getLogger(WebhookAuthentication.class);
    private static final String WEBHOOKS = "/api/v1/alerts";

    private final WebhookCredentials alertmanager;
    /** By the last path segment of the source's webhook. */
    private final Map<String, WebhookCredentials> sources = new LinkedHashMap<>();

    @Inject
    public WebhookAuthentication(DetectorConfig config, SourcesConfig sourcesConfig) {
        DetectorConfig.Webhook webhook = config.webhook();
        this.alertmanager = new WebhookCredentials(webhook.bearerToken(), webhook.username(), webhook.password(),
                webhook.allowAnonymous());
        sources.put("grafana", of("Grafana", "grafana", sourcesConfig.grafana()));
        sources.put("datadog", of("Datadog", "datadog", sourcesConfig.datadog()));
        sources.put("newrelic", of("New Relic", "newrelic", sourcesConfig.newRelic()));
    }

    private static WebhookCredentials of(String source, String key, SourcesConfig.Credentials credentials) {
        var naming = new WebhookCredentials.Source(source, "REWIND_" + key.toUpperCase(Locale.ROOT),
                "rewind.detector.sources." + key + ".allow-anonymous", false);
        return new WebhookCredentials(naming, credentials.bearerToken(), credentials.username(),
                credentials.password(), credentials.allowAnonymous());
    }

    void report(@Observes StartupEvent started) {
        for (WebhookCredentials credentials : all()) {
            credentials.startupErrors().forEach(LOG::error);
            credentials.startupWarning().ifPresent(LOG::warn);
            credentials.startupNotice().ifPresent(LOG::info);
        }
    }

    /** Pre-matching, so that no request reaches a webhook's content negotiation or body without credentials. */
    @ServerRequestFilter(preMatching = true)
    public void authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!isWebhook(path)) {
            return;
        }
        WebhookCredentials credentials = credentialsFor(path);
        credentials.refusal(request.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(reason -> {
            throw HttpProblem.builder(Problems.of(Response.Status.UNAUTHORIZED, reason))
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, String.join(", ", credentials.challenges()))
                    .build();
        });
    }

    private List<WebhookCredentials> all() {
        List<WebhookCredentials> all = new ArrayList<>(List.of(alertmanager));
        all.addAll(sources.values());
        return all;
    }

    /** The credentials of the source whose webhook {@code path} is; Alertmanager's for any other webhook path. */
    private WebhookCredentials credentialsFor(String path) {
        String normalized = path.replaceAll("/{2,}", "/");
        String rest = normalized.substring(Math.min(normalized.length(), WEBHOOKS.length() + 1));
        String segment = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        return sources.getOrDefault(segment, alertmanager);
    }

    /** Vert.x has already removed dot segments; repeated slashes are collapsed here so none slips past. */
    static boolean isWebhook(String path) {
        String normalized = path.replaceAll("/{2,}", "/");
        return normalized.equals(WEBHOOKS) || normalized.startsWith(WEBHOOKS + "/");
    }
}
