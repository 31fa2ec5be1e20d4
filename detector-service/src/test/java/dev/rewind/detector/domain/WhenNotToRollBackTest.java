package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.kubernetes.MigrationMark;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runbook's "When NOT to Rollback" and the loop guards, each with its boundary. */
class WhenNotToRollBackTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final GuardRules RULES = new GuardRules(Duration.ofHours(24), Duration.ofMinutes(10), 2,
            Duration.ofMinutes(30), Duration.ofHours(24), 3);
    private static final Decision.RollBack ROLL_BACK =
            new Decision.RollBack(Severity.P1, ExecutionMode.AUTOMATED, "High error rate (12% 5xx errors)", 0.05);

    private final WhenNotToRollBack guards = new WhenNotToRollBack(RULES);

    /** A target deployed an hour ago, alone in its trouble, never rolled back. */
    private static Situation healthy() {
        return new Situation(NOW, Signal.ERROR_RATE, Optional.empty(),
                new DeploymentFacts(NOW.minus(Duration.ofHours(1)), MigrationMark.NONE, false), 0, Optional.empty(), 0);
    }

    @Test
    void letsARollbackOfARecentDeployThrough() {
        assertThat(guards.check(ROLL_BACK, healthy())).isEmpty();
    }

    @Test
    void declinesWhenTheReleaseCarriesAnIrreversibleMigration() {
        Situation situation = withDeployment(new DeploymentFacts(NOW.minusSeconds(60), MigrationMark.IRREVERSIBLE,
                false));

        assertThat(guards.check(ROLL_BACK, situation)).hasValueSatisfying(guarded -> {
            assertThat(guarded.decline().code()).isEqualTo(DeclineReason.IRREVERSIBLE_MIGRATION);
            assertThat(guarded.decline().severity()).isEqualTo(Severity.P1);
            assertThat(guarded.decline().reason()).contains("rewind.dev/migration=irreversible");
            assertThat(guarded.held()).as("refused outright: no override makes it safe").isFalse();
        });
    }

    @Test
    void rollsBackOverAReversibleMigration() {
        assertThat(guards.check(ROLL_BACK, withDeployment(new DeploymentFacts(NOW.minusSeconds(60),
                MigrationMark.REVERSIBLE, false)))).isEmpty();
    }

    @Test
    void declinesWhenRollingBackWouldLoseData() {
        assertThat(guards.check(ROLL_BACK, withDeployment(new DeploymentFacts(NOW.minusSeconds(60), MigrationMark.NONE,
                true)))).hasValueSatisfying(guarded -> {
                    assertThat(guarded.decline().code()).isEqualTo(DeclineReason.DATA_LOSS_RISK);
                    assertThat(guarded.decline().reason()).contains("rewind.dev/data-loss-risk=true");
                    assertThat(guarded.held()).isFalse();
                });
    }

    @ParameterizedTest(name = "deployed {0} min ago: declined {1}")
    @CsvSource({"1439, false", "1440, false", "1441, true"})
    void declinesWhenTheReleaseWasNotDeployedRecently(long minutesAgo, boolean declined) {
        Situation situation = withDeployment(new DeploymentFacts(NOW.minus(Duration.ofMinutes(minutesAgo)),
                MigrationMark.NONE, false));

        Optional<WhenNotToRollBack.Guarded> guarded = guards.check(ROLL_BACK, situation);

        assertThat(guarded.isPresent()).isEqualTo(declined);
        guarded.ifPresent(g -> {
            assertThat(g.decline().code()).isEqualTo(DeclineReason.NOT_RECENTLY_DEPLOYED);
            assertThat(g.decline().reason()).startsWith("the running release was deployed 1 d ago, before the "
                    + "1 d window");
        });
    }

    @Test
    void doesNotGuessWhenTheDeployTimeIsUnknown() {
        assertThat(guards.check(ROLL_BACK, withDeployment(DeploymentFacts.UNKNOWN))).isEmpty();
    }

    @Test
    void rollsBackASecurityVulnerabilityWhateverTheReleasesAge() {
        Situation old = new Situation(NOW, Signal.SECURITY_VULNERABILITY, Optional.empty(),
                new DeploymentFacts(NOW.minus(Duration.ofDays(30)), MigrationMark.NONE, false), 5, Optional.empty(), 0);

        assertThat(guards.check(ROLL_BACK, old)).isEmpty();
    }

    @Test
    void declinesAnAlertAboutANodeOrTheCluster() {
        Situation situation = new Situation(NOW, Signal.HEALTH_CHECK_FAILING,
                Optional.of("the alert is node-level (label rewind_scope=node)"), healthy().deployment(), 0,
                Optional.empty(), 0);

        assertThat(guards.check(ROLL_BACK, situation)).hasValueSatisfying(guarded -> {
            assertThat(guarded.decline().code()).isEqualTo(DeclineReason.INFRASTRUCTURE_FAULT);
            assertThat(guarded.decline().reason()).isEqualTo("the alert is node-level (label rewind_scope=node): a "
                    + "rollback of the application cannot fix it; check the nodes and the cluster");
        });
    }

    @ParameterizedTest(name = "{0} other targets alerting: declined {1}")
    @CsvSource({"0, false", "1, false", "2, true", "40, true"})
    void declinesWhenOtherTargetsThatWereNotDeployedAlertTogether(long otherTargets, boolean declined) {
        Situation situation = new Situation(NOW, Signal.ERROR_RATE, Optional.empty(), healthy().deployment(),
                otherTargets, Optional.empty(), 0);

        Optional<WhenNotToRollBack.Guarded> guarded = guards.check(ROLL_BACK, situation);

        assertThat(guarded.isPresent()).isEqualTo(declined);
        guarded.ifPresent(g -> {
            assertThat(g.decline().code()).isEqualTo(DeclineReason.INFRASTRUCTURE_FAULT);
            assertThat(g.decline().reason()).startsWith(otherTargets + " other targets of this environment, none "
                    + "deployed within 1 d, opened incidents within the last 10 min");
            assertThat(g.held()).isFalse();
        });
    }

    @Test
    void holdsASecondRollbackWithinTheCooldown() {
        Situation situation = new Situation(NOW, Signal.ERROR_RATE, Optional.empty(), healthy().deployment(), 0,
                Optional.of(new PastRollback(12, NOW.minus(Duration.ofMinutes(3)))), 1);

        assertThat(guards.check(ROLL_BACK, situation)).hasValueSatisfying(guarded -> {
            assertThat(guarded.decline().code()).isEqualTo(DeclineReason.COOLDOWN);
            assertThat(guarded.held()).as("a person allowed to may override it").isTrue();
        });
    }

    @ParameterizedTest(name = "{0} rollbacks within the loop window: held {1}")
    @CsvSource({"2, false", "3, true", "7, true"})
    void holdsARollbackLoop(long rollbacks, boolean held) {
        Situation situation = new Situation(NOW, Signal.ERROR_RATE, Optional.empty(), healthy().deployment(), 0,
                Optional.of(new PastRollback(12, NOW.minus(Duration.ofHours(2)))), rollbacks);

        Optional<WhenNotToRollBack.Guarded> guarded = guards.check(ROLL_BACK, situation);

        assertThat(guarded.isPresent()).isEqualTo(held);
        guarded.ifPresent(g -> {
            assertThat(g.decline().code()).isEqualTo(DeclineReason.ROLLBACK_LOOP);
            assertThat(g.decline().reason()).startsWith("Rewind rolled this target back " + rollbacks
                    + " times within 1 d (at most 3): a rollback loop");
            assertThat(g.held()).isTrue();
        });
    }

    @Test
    void factsAboutTheReleaseComeBeforeTheLoopGuards() {
        Situation everything = new Situation(NOW, Signal.ERROR_RATE, Optional.of("the alert is cluster-level"),
                new DeploymentFacts(NOW.minus(Duration.ofDays(3)), MigrationMark.IRREVERSIBLE, true), 9,
                Optional.of(new PastRollback(12, NOW.minusSeconds(60))), 9);

        assertThat(guards.check(ROLL_BACK, everything)).hasValueSatisfying(guarded ->
                assertThat(guarded.decline().code()).isEqualTo(DeclineReason.IRREVERSIBLE_MIGRATION));
    }

    private static Situation withDeployment(DeploymentFacts deployment) {
        return new Situation(NOW, Signal.ERROR_RATE, Optional.empty(), deployment, 0, Optional.empty(), 0);
    }
}
