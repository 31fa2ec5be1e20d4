package dev.rewind.approval.config;

import dev.rewind.approval.domain.ApprovalPolicy;
import dev.rewind.events.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;

/** Builds the approval policy from configuration. */
@ApplicationScoped
public class ApprovalPolicyProducer {

    @Produces
    @ApplicationScoped
    ApprovalPolicy approvalPolicy(ApprovalConfig config) {
        ApprovalConfig.Deadline deadline = config.deadline();
        return new ApprovalPolicy(config.autoApproveEnvironments(), config.approverRoles(), Map.of(
                Severity.P0, deadline.p0(), Severity.P1, deadline.p1(),
                Severity.P2, deadline.p2(), Severity.P3, deadline.p3()));
    }
}
