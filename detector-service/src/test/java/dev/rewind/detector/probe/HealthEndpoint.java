package dev.rewind.detector.probe;

import com.sun.net.httpserver.HttpExchange;
import dev.rewind.platform.testing.LoopbackHttpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a service's health endpoint: {@code GET /health} answers the status and body a test set, at once,
 * late, or not at all; it keeps the Authorization header of each request and how many it answered at the same time.
 */
public final class HealthEndpoint extends LoopbackHttpServer {

    private volatile int status = 200;
    private volatile String body = "{\"status\":\"UP\"}";
    private volatile Duration delay = Duration.ZERO;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    public HealthEndpoint() {
        listen();
    }

    /** The health URL. */
    public String health() {
        return url() + "/health";
    }

    /** Answers {@code status} with {@code body}, at once, from now on. */
    public void answer(int status, String body) {
        this.status = status;
        this.body = body;
        this.delay = Duration.ZERO;
    }

    /** Answers only after {@code delay} from now on: a slow service. */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    /** Accepts requests and never answers them, until closed. */
    public void hang() {
        answerAfter(Duration.ofDays(1));
    }

    /** The requests received so far. */
    public int requests() {
        return authorizations.size();
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The most requests it was answering at the same time. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    @Override
    protected void handle(HttpExchange exchange) {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (closed.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            send(exchange, "/health".equals(exchange.getRequestURI().getPath()) ? status : 404, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The probe stopped reading (a long body is cut short): nobody listens for the rest.
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        super.close();
    }
}
