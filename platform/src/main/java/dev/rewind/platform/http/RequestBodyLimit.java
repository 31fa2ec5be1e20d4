package dev.rewind.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared Content-Length exceeds {@code quarkus.http.limits.max-body-size} with a 413
 * problem+json body. Quarkus refuses such a request itself, before any REST code runs, with an empty 413; this
 * handler runs just ahead of that check, with the same limit, so the client learns what the limit is. A body sent in
 * chunks, without a Content-Length, is refused with a 411 problem: Quarkus could only cut it off once over the limit,
 * with an empty 413 and a closed connection, after reading up to the limit; every client of Rewind declares the length.
 */
@ApplicationScoped
public class RequestBodyLimit {

    private final long maxBodySize;
    private final long discardedAtMost;
    private final ObjectMapper mapper;

    private final long discardingAtMost;

    /**
     * @param discardedAtMost  how much of a refused body is read and discarded, so that a client still sending it can
     *                         read the refusal; a connection sending more is closed, and its client may then see a
     *                         reset instead of the answer
     * @param discardingAtMost for how long after the refusal, at most: a client that stops sending is not waited for
     */
    @Inject
    public RequestBodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            @ConfigProperty(name = "rewind.http.refused-body.discarded-at-most", defaultValue = "64M")
            MemorySize discardedAtMost,
            @ConfigProperty(name = "rewind.http.refused-body.discarding-at-most", defaultValue = "2s")
            Duration discardingAtMost,
            ObjectMapper mapper) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.discardedAtMost = discardedAtMost.asLongValue();
        this.discardingAtMost = Math.max(1, discardingAtMost.toMillis());
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null && chunked(context.request().getHeader(HttpHeaders.TRANSFER_ENCODING))) {
            refuse(context, 411, "Length Required", "the request body is sent in chunks, without a Content-Length: "
                    + "this service reads only bodies whose length is declared (at most " + maxBodySize + " bytes, "
                    + "quarkus.http.limits.max-body-size); send it again with a Content-Length header");
            return;
        }
        long length = declaredLength(declared);
        if (length <= maxBodySize) {
            context.next();
            return;
        }
        refuse(context, 413, "Request Entity Too Large", "the request body is " + length + " bytes, more than the "
                + maxBodySize + " bytes this service accepts (quarkus.http.limits.max-body-size); nothing was "
                + "processed");
    }

    private void refuse(RoutingContext context, int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", status);
        problem.put("title", title);
        problem.put("detail", detail);
        problem.put("instance", context.request().path());
        // The client may still be sending the body. Closing the connection with some of it unread would reset it
        // (TCP RST), and a client still writing could lose the answer: read and discard the rest, within bounds of
        // size and time, and close once both the answer and the body are done.
        HttpServerRequest request = context.request();
        AtomicLong discarded = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        Runnable closeWhenBothDone = () -> {
            if (done.incrementAndGet() == 2) {
                request.connection().close();
            }
        };
        request.handler(chunk -> {
            if (discarded.addAndGet(chunk.length()) > discardedAtMost) {
                request.connection().close();
            }
        });
        request.exceptionHandler(ignored -> request.connection().close());
        // Bounded in time from the refusal on, whether or not the client reads the answer.
        context.vertx().setTimer(discardingAtMost, timer -> request.connection().close());
        if (request.isEnded()) {
            closeWhenBothDone.run();
        } else {
            request.endHandler(ignored -> closeWhenBothDone.run());
            request.resume();
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> closeWhenBothDone.run())
                .end(json(problem));
    }

    private static boolean chunked(String transferEncoding) {
        return transferEncoding != null && transferEncoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /** The declared length, or -1 when there is none (chunked) or it is not a number (Vert.x refuses those). */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String json(Map<String, Object> problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
