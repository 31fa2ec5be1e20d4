package dev.rewind.notifier.slack;


import dev.rewind.notifier.domain.SlackMessage;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/** Posts messages to the configured Slack incoming webhook, retrying briefly on failure. */
@ApplicationScoped
public class SlackNotifier {

    /** The channel name recorded for Slack deliveries. */
    public static final String CHANNEL = "slack";

    private final Optional<SlackWebhook> webhook;

    @Inject
    public SlackNotifier(SlackConfig config) {
        this.webhook = config.webhookUrl().map(url -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(SlackWebhook.class));
    }

    /** True when a webhook URL is configured. */
    public boolean enabled() {
        return webhook.isPresent();
    }

    /** Posts {@code message}; throws when Slack still refuses it after the retries. */
    @Retry(maxRetries = 3, delay = 500, jitter = 200)
    public void post(SlackMessage message) {
        webhook.orElseThrow(() -> new IllegalStateException("Slack is not configured")).post(message);
    }
}
