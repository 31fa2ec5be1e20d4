package dev.rewind.executor;

import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.platform.testing.IgnoredIncidentEventsContract;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The incident events other than "its alerts all resolved" are read and acknowledged, without a transaction. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class IncidentEventsOfOthersTest extends IgnoredIncidentEventsContract {

    @Override
    protected IncidentEvent eventItActsOn(UUID incident, TargetKey target) {
        return new IncidentAlertsResolved(incident, target, List.of("fp-resolved"), Instant.now());
    }
}
