package dev.rewind.notifier.channel;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the REST client of a vendor's API the way every channel needs it. */
public final class VendorClients {

    private VendorClients() {
    }

    /**
     * A client of {@code api} at {@code baseUri}: {@code timeout} to connect and to read, no redirects followed, and
     * every status returned as a Response (a 4xx or 5xx is an answer for {@link HttpAnswers} to judge, not an
     * exception).
     */
    public static <T> T build(Class<T> api, URI baseUri, Duration timeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true)
                .build(api);
    }
}
