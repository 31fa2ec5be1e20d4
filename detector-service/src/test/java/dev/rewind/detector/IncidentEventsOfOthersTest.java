package dev.rewind.detector;

import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.platform.testing.IgnoredIncidentEventsContract;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;

/** The incident events that end no incident are read and acknowledged, without a transaction. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class IncidentEventsOfOthersTest extends IgnoredIncidentEventsContract {

    @Override
    protected IncidentEvent eventItActsOn(UUID incident, TargetKey target) {
        return new ApprovalExpired(incident, target, UUID.randomUUID(), Instant.now(), Instant.now());
    }
}
