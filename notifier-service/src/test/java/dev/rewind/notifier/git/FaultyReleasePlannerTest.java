package dev.rewind.notifier.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.domain.IncidentContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultyReleasePlannerTest {

    private static final TargetKey CHECKOUT = TargetKey.parse("production/payments/checkout");
    private static final Map<String, String> REPOSITORIES = Map.of("payments/checkout", "acme/checkout");

    private final FaultyReleasePlanner planner = planner("{version}", "rewind/faulty/{version}", Set.of());

    @Test
    void aSuccessfulRollbackTagsTheVersionRolledBackFromInTheServicesRepository() {
        Outgoing outgoing = planner.plan(succeeded(CHECKOUT, "v1.3.0")).orElseThrow();

        assertThat(outgoing.notification()).isEqualTo("faulty-release-tag");
        assertThat(outgoing.summary()).isEqualTo("Release v1.3.0 tagged rewind/faulty/v1.3.0 in acme/checkout (Git)");
        FaultyReleaseTag tag = FaultyReleaseTag.fromJson(outgoing.payload());
        assertThat(tag).isEqualTo(new FaultyReleaseTag("acme/checkout", "v1.3.0", "v1.3.0", "rewind/faulty/v1.3.0",
                "rewind.notifier.git.version-tag='{version}'", null));
        assertThat(tag.reference()).isEqualTo("acme/checkout:rewind/faulty/v1.3.0");
    }

    @Test
    void theTemplatesMapTheVersionToTheReleaseTagAndTheFaultyTag() {
        FaultyReleasePlanner custom = planner("v{version}", "faulty/{environment}/{version}", Set.of());

        FaultyReleaseTag tag = FaultyReleaseTag.fromJson(custom.plan(succeeded(CHECKOUT, "1.3.0")).orElseThrow()
                .payload());

        assertThat(tag.releaseTag()).isEqualTo("v1.3.0");
        assertThat(tag.faultyTag()).isEqualTo("faulty/production/1.3.0");
        assertThat(tag.problem()).isNull();
    }

    @Test
    void nothingIsTaggedBeforeOrWithoutASuccessfulRollback() {
        for (Class<? extends IncidentEvent> type : java.util.List.of(IncidentOpened.class, RollbackStarted.class,
                RollbackFailed.class, RollbackUnverified.class)) {
            IncidentEvent event = EventFixtures.event(type);
            assertThat(planner.plan(notice(event, context(CHECKOUT, "v1.3.0")))).as(type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void aServiceWithoutARepositoryIsNotTagged() {
        TargetKey other = TargetKey.parse("production/payments/ledger");

        assertThat(planner.plan(succeeded(other, "v1.3.0"))).isEmpty();
    }

    @Test
    void theRepositoryIsChosenByNamespaceAndServiceNotServiceAlone() {
        TargetKey sameNameElsewhere = TargetKey.parse("production/shop/checkout");

        assertThat(planner.plan(succeeded(sameNameElsewhere, "v1.3.0"))).isEmpty();
    }

    @Test
    void anUnknownFaultyVersionIsNotTagged() {
        assertThat(planner.plan(succeeded(CHECKOUT, null))).isEmpty();
    }

    @Test
    void onlyTheConfiguredEnvironmentsAreTagged() {
        FaultyReleasePlanner productionOnly = planner("{version}", "rewind/faulty/{version}", Set.of("production"));

        assertThat(productionOnly.plan(succeeded(CHECKOUT, "v1.3.0"))).isPresent();
        assertThat(productionOnly.plan(succeeded(TargetKey.parse("staging/payments/checkout"), "v1.3.0")))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkout", "acme/checkout/extra", "https://github.com/acme/checkout"})
    void aRepositoryThatIsNotOwnerSlashRepoIsPlannedWithTheProblemSoTheFailureShows(String repository) {
        FaultyReleasePlanner misconfigured = new FaultyReleasePlanner(Map.of("payments/checkout", repository),
                TagTemplate.of("rewind.notifier.git.version-tag", "{version}"),
                TagTemplate.of("rewind.notifier.git.faulty-tag", "rewind/faulty/{version}"), Set.of());

        FaultyReleaseTag tag = payload(misconfigured.plan(succeeded(CHECKOUT, "v1.3.0")));

        assertThat(tag.problem()).contains("rewind.notifier.git.repositories.\"payments/checkout\" is '"
                + repository + "', not owner/repo");
    }

    @Test
    void aVersionGitCannotNameIsPlannedWithTheProblem() {
        FaultyReleaseTag tag = payload(planner.plan(succeeded(CHECKOUT, "sha256:4f2dbc96")));

        assertThat(tag.problem()).contains("the release tag 'sha256:4f2dbc96'", "is not a valid Git tag",
                "contains ':'");
    }

    @Test
    void aBrokenTemplateIsPlannedWithTheProblem() {
        FaultyReleaseTag tag = payload(planner("{version}", "rewind/faulty/{release}", Set.of())
                .plan(succeeded(CHECKOUT, "v1.3.0")));

        assertThat(tag.problem()).contains("rewind.notifier.git.faulty-tag='rewind/faulty/{release}'", "{release}");
    }

    @Test
    void anInvalidFaultyTagIsPlannedWithTheProblem() {
        FaultyReleaseTag tag = payload(planner("{version}", "rewind/faulty/{version}.lock", Set.of())
                .plan(succeeded(CHECKOUT, "v1.3.0")));

        assertThat(tag.problem()).contains("the faulty-release tag 'rewind/faulty/v1.3.0.lock'", "'.lock'");
    }

    private static FaultyReleasePlanner planner(String versionTag, String faultyTag, Set<String> environments) {
        return new FaultyReleasePlanner(REPOSITORIES, TagTemplate.of("rewind.notifier.git.version-tag", versionTag),
                TagTemplate.of("rewind.notifier.git.faulty-tag", faultyTag), environments);
    }

    private static FaultyReleaseTag payload(Optional<Outgoing> outgoing) {
        return FaultyReleaseTag.fromJson(outgoing.orElseThrow().payload());
    }

    /** A success about {@code target}; the notifier's context already holds its versions, as the core updates it. */
    static Notice succeeded(TargetKey target, String fromVersion) {
        RollbackSucceeded f = EventFixtures.event(RollbackSucceeded.class);
        RollbackSucceeded event = new RollbackSucceeded(f.incidentId(), target, f.executionId(), f.method(),
                fromVersion, "v1.2.5", f.message(), f.occurredAt());
        return notice(event, context(target, fromVersion));
    }

    static IncidentContext context(TargetKey target, String fromVersion) {
        return new IncidentContext(target, 123L, Severity.P1, "High error rate (12% 5xx errors)", "john.doe",
                fromVersion, "v1.2.5");
    }

    static Notice notice(IncidentEvent event, IncidentContext context) {
        return new Notice(UUID.randomUUID(), Topic.typeOf(event.getClass()), event, context);
    }
}
