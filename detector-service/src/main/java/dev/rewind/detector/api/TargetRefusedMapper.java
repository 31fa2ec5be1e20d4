package dev.rewind.detector.api;

import dev.rewind.detector.service.TargetRefused;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers 422 problem+json for alerts about targets outside the configured environments: the alert is well formed,
 * but Rewind does not act where its configuration does not say it may.
 */
public class TargetRefusedMapper {

    @ServerExceptionMapper
    public Response refused(TargetRefused refused) {
        List<Map<String, String>> violations = refused.refusals().stream()
                .map(r -> Map.of("field", "alerts[" + r.index() + "].labels", "in", "body", "message", r.reason()))
                .toList();
        return Response.status(422).type("application/problem+json")
                .entity(Map.of("status", 422, "title", "Unprocessable Content",
                        "detail", "alerts name targets outside Rewind's configured environments; nothing was accepted",
                        "violations", violations))
                .build();
    }
}
