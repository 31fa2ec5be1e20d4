package dev.rewind.detector.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureStreakTest {

    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    private final FailureStreak streak = new FailureStreak(3);

    @Test
    void firesOnceTheStreakReachesTheThresholdStartingAtItsFirstFailure() {
        assertThat(streak.failed(at(0), "refused")).isEmpty();
        assertThat(streak.failed(at(15), "refused")).isEmpty();

        assertThat(streak.failed(at(30), "answered 503")).hasValue(new FailureStreak.Fire(at(0), 3, "answered 503"));
    }

    @Test
    void staysQuietWhileStillFailingAfterItsAlertWasPublished() {
        fire();

        assertThat(streak.failed(at(45), "answered 503")).isEmpty();
        assertThat(streak.failed(at(60), "answered 503")).isEmpty();
        assertThat(streak.failures()).isEqualTo(5);
    }

    @Test
    void aSuccessBeforeTheThresholdEndsTheStreakWithoutAnAlert() {
        streak.failed(at(0), "refused");
        streak.failed(at(15), "refused");

        assertThat(streak.succeeded(at(30))).isEmpty();
        assertThat(streak.failed(at(45), "refused")).isEmpty();
        assertThat(streak.failed(at(60), "refused")).isEmpty();
        assertThat(streak.failed(at(75), "refused")).as("a new streak, started after the success")
                .hasValue(new FailureStreak.Fire(at(45), 3, "refused"));
    }

    @Test
    void theFirstSuccessAfterTheAlertResolvesItWithTheSameStart() {
        fire();
        streak.failed(at(45), "answered 503");

        assertThat(streak.succeeded(at(60))).hasValue(new FailureStreak.Resolve(at(0), at(60)));
    }

    @Test
    void anAlertTheIntakeDidNotTakeIsOfferedAgainAtTheNextFailure() {
        streak.failed(at(0), "refused");
        streak.failed(at(15), "refused");
        streak.failed(at(30), "refused"); // not published: the database was down

        assertThat(streak.failed(at(45), "refused")).hasValue(new FailureStreak.Fire(at(0), 4, "refused"));
    }

    @Test
    void aResolutionTheIntakeDidNotTakeIsOfferedAgainAtTheNextSuccess() {
        fire();
        streak.succeeded(at(45)); // not published

        assertThat(streak.failed(at(60), "refused")).as("the alert is still firing").isEmpty();
        assertThat(streak.succeeded(at(75))).hasValue(new FailureStreak.Resolve(at(0), at(75)));
    }

    @Test
    void afterItsResolutionANewStreakFiresANewAlert() {
        fire();
        streak.published(streak.succeeded(at(45)).orElseThrow());

        assertThat(streak.succeeded(at(60))).as("nothing left to resolve").isEmpty();
        streak.failed(at(75), "refused");
        streak.failed(at(90), "refused");
        assertThat(streak.failed(at(105), "refused")).hasValue(new FailureStreak.Fire(at(75), 3, "refused"));
    }

    @Test
    void aThresholdOfOneFiresAtTheFirstFailure() {
        assertThat(new FailureStreak(1).failed(at(0), "refused")).hasValue(new FailureStreak.Fire(at(0), 1, "refused"));
        assertThatThrownBy(() -> new FailureStreak(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void fire() {
        streak.failed(at(0), "refused");
        streak.failed(at(15), "refused");
        Optional<FailureStreak.Change> fire = streak.failed(at(30), "answered 503");
        streak.published(fire.orElseThrow());
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
