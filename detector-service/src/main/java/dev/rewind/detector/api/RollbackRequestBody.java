package dev.rewind.detector.api;

import dev.rewind.detector.service.ManualRequest;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What a person posts to ask for a rollback. Who asks is never part of it: that is the bearer token's user.
 *
 * @param severity P0 (critical) to P3 (low): with the environment it decides which approvals the rollback needs
 * @param toRevision the Deployment revision to return to; absent for the previous one
 */
public record RollbackRequestBody(
        @NotNull(message = "is required: the environment's name, e.g. production")
        @Pattern(regexp = LABEL, message = Dns1123Label.RULE) String environment,
        @NotNull(message = "is required: the Deployment's namespace")
        @Pattern(regexp = LABEL, message = Dns1123Label.RULE) String namespace,
        @NotNull(message = "is required: the Deployment's name")
        @Pattern(regexp = LABEL, message = Dns1123Label.RULE) String service,
        @NotBlank(message = "is required: why the target must be rolled back, for approvers and the post-mortem")
        @Size(max = MAX_REASON, message = "must be at most " + MAX_REASON + " characters") String reason,
        @NotNull(message = "is required: P0, P1, P2 or P3") Severity severity,
        @Positive(message = "must be a positive revision number (kubectl rollout history lists them); leave it out "
                + "for the previous revision") Integer toRevision) {

    /** TargetKey's DNS-1123 label rule as a pattern, so Bean Validation names each bad field. */
    static final String LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    static final int MAX_REASON = 2000;

    /** The request of {@code requester}, once the body is valid. */
    ManualRequest by(String requester) {
        return new ManualRequest(requester, new TargetKey(environment, namespace, service), severity, reason.strip(),
                toRevision);
    }
}
