package dev.rewind.detector.api;

import dev.rewind.detector.service.TargetRefused;
import dev.rewind.platform.http.FieldViolation;
import dev.rewind.platform.http.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers 422 problem+json for alerts about targets outside the configured environments: the alert is well formed,
 * but Rewind does not act where its configuration does not say it may.
 */
public class TargetRefusedMapper {

    @ServerExceptionMapper
    public Response refused(TargetRefused refused, UriInfo uriInfo) {
        List<FieldViolation> violations = refused.refusals().stream()
                .map(r -> FieldViolation.body("alerts[" + r.index() + "].labels", r.reason()))
                .toList();
        return Problems.toResponse(Problems.of(Problems.UNPROCESSABLE_CONTENT,
                "alerts name targets outside Rewind's configured environments; nothing was accepted", violations),
                refused, uriInfo);
    }
}
