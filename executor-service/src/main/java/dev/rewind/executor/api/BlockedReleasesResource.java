package dev.rewind.executor.api;

import dev.rewind.events.Release;
import dev.rewind.events.TargetKey;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.executor.service.ExecutionLedger;
import dev.rewind.platform.http.QueryParameters;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The releases Rewind rolled a target back from, newest first: the executor never returns a target to one of them
 * (whatever guards a person overrode), and the detector never names one as the release to return to.
 */
@Path("/api/v1/blocked-releases")
@Produces(MediaType.APPLICATION_JSON)
public class BlockedReleasesResource {

    static final int MAX_LIMIT = 500;

    /**
     * One blocked release.
     *
     * @param target {@code environment/namespace/service}
     * @param release the release judged bad: its revision then, and its images (which alone decide)
     * @param rolledBackAt when the rollback away from it finished
     */
    public record BlockedRelease(String target, Release release, Long incidentNumber, UUID incidentId,
                                 UUID executionId, Instant rolledBackAt) {
    }

    @GET
    @Transactional
    public List<BlockedRelease> list(@QueryParam("target") String target,
                                     @QueryParam("limit") @DefaultValue("100") String limit) {
        if (target != null) {
            try {
                TargetKey.parse(target);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("query parameter 'target' must be environment/namespace/service, such "
                        + "as production/shop/checkout: " + e.getMessage());
            }
        }
        return ExecutionRecord.rolledBackFrom(target, QueryParameters.limit(limit, MAX_LIMIT)).stream()
                .map(e -> new BlockedRelease(e.target, ExecutionLedger.judgedReleaseOf(e), e.incidentNumber,
                        e.incidentId, e.id, e.finishedAt))
                .toList();
    }

}
