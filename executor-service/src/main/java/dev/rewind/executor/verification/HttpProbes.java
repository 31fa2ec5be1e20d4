package dev.rewind.executor.verification;

import dev.rewind.platform.probe.HttpAnswer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * GETs any URL with bounded connect and read timeouts, through the Quarkus REST client's JAX-RS client (the URLs
 * come from configuration and annotations, so no typed client fits). Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class HttpProbes {

    /** Enough of a body to find a text in a health or smoke page, not a whole download. */
    private static final int LONGEST_BODY_READ = 64 * 1024;

    private final Client client;

    @Inject
    public HttpProbes(VerificationConfig config) {
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(config.http().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.http().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    public HttpAnswer get(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return HttpAnswer.none("not a URL: " + e.getMessage());
        }
        try (Response response = client.target(uri).request().get()) {
            return HttpAnswer.of(response.getStatus(), body(response));
        } catch (ProcessingException e) {
            return HttpAnswer.none(e);
        }
    }

    private static String body(Response response) {
        if (!response.hasEntity()) {
            return "";
        }
        try (InputStream in = response.readEntity(InputStream.class)) {
            return new String(in.readNBytes(LONGEST_BODY_READ), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
