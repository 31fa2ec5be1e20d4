package dev.rewind.detector.probe;

import dev.rewind.platform.probe.HttpAnswer;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one probe's GET with the JDK HTTP client (the URL is configuration, so no typed REST client fits), bounded by
 * the probe's timeout from connecting to the end of the body read. Blocking: the scheduler calls it on a worker.
 */
final class ProbeCall {

    /** Enough of a health page to say what is down (Quarkus and Spring list their failing checks first). */
    private static final int LONGEST_BODY_READ = 4 * 1024;

    private final HealthProbe probe;
    private final HttpClient client;

    ProbeCall(HealthProbe probe) {
        this.probe = probe;
        // Redirects are not followed, like curl -f: a health URL that redirects (to a login page) is misconfigured.
        this.client = HttpClient.newBuilder().connectTimeout(probe.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    HttpAnswer get() throws InterruptedException {
        CompletableFuture<HttpResponse<String>> sent =
                client.sendAsync(probe.request(), info -> new BodyStart(LONGEST_BODY_READ));
        try {
            HttpResponse<String> response = sent.get(probe.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return HttpAnswer.of(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            sent.cancel(true);
            return HttpAnswer.none("no answer within " + probe.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            return HttpAnswer.none(describe(e.getCause()));
        }
    }

    /** The JDK client's own exception says what went wrong; its root cause (a ClosedChannelException) does not. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null && failure instanceof ConnectException
                ? "could not connect (refused or unreachable)" : failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
