package dev.rewind.detector.probe;

import com.sun.net.httpserver.HttpExchange;
import dev.rewind.platform.testing.LoopbackHttpServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for a service's health endpoint: {@code GET /health} answers the status and body a test set, or nothing
 * at all while it hangs; it keeps the Authorization header of each request.
 */
public final class HealthEndpoint extends LoopbackHttpServer {

    private volatile int status = 200;
    private volatile String body = "{\"status\":\"UP\"}";
    private volatile boolean hanging;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public HealthEndpoint() {
        listen();
    }

    /** The health URL. */
    public String health() {
        return url() + "/health";
    }

    /** Answers {@code status} with {@code body} from now on. */
    public void answer(int status, String body) {
        this.status = status;
        this.body = body;
        this.hanging = false;
    }

    /** Accepts requests and never answers them, until closed. */
    public void hang() {
        this.hanging = true;
    }

    /** The requests received so far. */
    public int requests() {
        return authorizations.size();
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (hanging) {
                closed.await();
                return;
            }
            send(exchange, "/health".equals(exchange.getRequestURI().getPath()) ? status : 404, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The probe stopped reading (a long body is cut short): nobody listens for the rest.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        super.close();
    }
}
