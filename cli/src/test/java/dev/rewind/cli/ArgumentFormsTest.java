package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** How people write targets, incidents and time bounds on the command line. */
class ArgumentFormsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T05:05:00Z"), ZoneOffset.UTC);

    @Test
    void aTargetIsEnvironmentNamespaceService() {
        assertThat(Target.parse("production/payments/checkout"))
                .isEqualTo(new Target("production", "payments", "checkout"));
        assertThat(Target.parse("staging/shop-staging/checkout-2").toString())
                .isEqualTo("staging/shop-staging/checkout-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"production/checkout", "a/b/c/d", "Production/payments/checkout", "prod//checkout",
            "prod/payments/-checkout", "prod/payments/check_out"})
    void anythingElseIsNoTarget(String text) {
        assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @ParameterizedTest
    @CsvSource({"123,123", "INCIDENT-123,123", "incident-7,7", " 42 ,42"})
    void anIncidentIsItsNumberWithOrWithoutThePrefix(String text, long number) {
        assertThat(IncidentNumber.parse(text).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "INCIDENT-", "INC-12", "12a", "5e21aa00-0000-4000-8000-000000000012"})
    void otherIncidentFormsAreRefused(String text) {
        assertThatThrownBy(() -> IncidentNumber.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("123 or INCIDENT-123");
    }

    @ParameterizedTest
    @CsvSource({"30m,2026-11-29T04:35:00Z", "24h,2026-11-28T05:05:00Z", "7d,2026-11-22T05:05:00Z",
            "2w,2026-11-15T05:05:00Z", "90s,2026-11-29T05:03:30Z", "2026-11-15,2026-11-15T00:00:00Z",
            "2026-11-15T15:25:31+01:00,2026-11-15T14:25:31Z"})
    void aTimeBoundIsAnAgeADateOrATime(String text, String instant) {
        assertThat(TimeBound.parse(text, CLOCK)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "24", "2026-11-15T14:25:31", "3y"})
    void otherTimeBoundsAreRefused(String text) {
        assertThatThrownBy(() -> TimeBound.parse(text, CLOCK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither an age");
    }
}
