package dev.rewind.postmortem.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.Severity;
import dev.rewind.postmortem.domain.IncidentStatus;
import dev.rewind.postmortem.domain.query.IncidentFilter;
import dev.rewind.postmortem.domain.query.IncidentQuery;
import dev.rewind.postmortem.domain.query.InvalidQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The live list's filter form turned into the incident API's query. */
class IncidentFiltersTest {

    private static final Instant NOW = Instant.parse("2026-11-15T14:25:31.250Z");

    private static IncidentFilters range(String range) {
        return new IncidentFilters(null, null, null, null, range, null);
    }

    @Test
    void anEmptyFormAsksForEveryIncidentUpToTheLimit() {
        IncidentQuery query = new IncidentFilters(null, null, null, null, null, null).query(50, NOW);

        assertThat(query.filter()).isEqualTo(IncidentFilter.none());
        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.after()).isNull();
    }

    @Test
    void blankFieldsAreLeftOut() {
        IncidentQuery query = new IncidentFilters("", "  ", "\t", " ", "", "   ").query(20, NOW);

        assertThat(query.filter()).isEqualTo(IncidentFilter.none());
        assertThat(query.limit()).isEqualTo(20);
    }

    @Test
    void filledFieldsAreStrippedAndAskedFor() {
        IncidentQuery query = new IncidentFilters(" checkout ", "production", "p1", "rolled-back", null,
                " pool exhaustion ").query(50, NOW);

        IncidentFilter filter = query.filter();
        assertThat(filter.services()).containsExactly("checkout");
        assertThat(filter.environments()).containsExactly("production");
        assertThat(filter.severities()).containsExactly(Severity.P1);
        assertThat(filter.statuses()).containsExactly(IncidentStatus.ROLLED_BACK);
        assertThat(filter.text()).isEqualTo("pool exhaustion");
        assertThat(filter.namespaces()).isEmpty();
        assertThat(filter.from()).isNull();
        assertThat(filter.to()).isNull();
    }

    @Test
    void eachTimeRangeAsksForIncidentsDetectedSinceThatLongBeforeNow() {
        assertThat(range("1h").query(50, NOW).filter().from()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(range("24h").query(50, NOW).filter().from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(range("7d").query(50, NOW).filter().from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(range("30d").query(50, NOW).filter().from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(range("30d").query(50, NOW).filter().to()).isNull();
    }

    @Test
    void aTimeRangeTheFormDoesNotOfferIsIgnored() {
        assertThat(range("2w").query(50, NOW).filter().from()).isNull();
        assertThat(range("48h").query(50, NOW).filter().from()).isNull();
        assertThat(range("").query(50, NOW).filter().from()).isNull();
    }

    @Test
    void anInvalidSeverityIsAnInvalidQueryNamingTheSeverity() {
        IncidentFilters filters = new IncidentFilters(null, null, "P9", null, null, null);

        assertThatThrownBy(() -> filters.query(50, NOW)).isInstanceOfSatisfying(InvalidQuery.class, e ->
                assertThat(e.problems()).extracting(InvalidQuery.Problem::parameter).containsExactly("severity"));
    }

    @Test
    void anUnknownStatusIsAnInvalidQueryNamingTheStatus() {
        IncidentFilters filters = new IncidentFilters(null, null, null, "sleeping", null, null);

        assertThatThrownBy(() -> filters.query(50, NOW)).isInstanceOfSatisfying(InvalidQuery.class, e ->
                assertThat(e.problems()).extracting(InvalidQuery.Problem::parameter).containsExactly("status"));
    }

    @Test
    void everyChoiceTheFormOffersIsAQueryTheApiAccepts() {
        for (String severity : IncidentFilters.SEVERITIES) {
            assertThat(new IncidentFilters(null, null, severity, null, null, null).query(50, NOW).filter()
                    .severities()).as(severity).containsExactly(Severity.valueOf(severity));
        }
        for (String status : IncidentFilters.STATUSES) {
            assertThat(new IncidentFilters(null, null, null, status, null, null).query(50, NOW).filter()
                    .statuses()).as(status).isNotEmpty();
        }
        for (String range : IncidentFilters.RANGES) {
            assertThat(range(range).query(50, NOW).filter().from()).as(range).isBefore(NOW);
        }
    }

    @Test
    void theWordFailedAsksForEveryStatusThatNeedsPeople() {
        IncidentQuery query = new IncidentFilters(null, null, null, "failed", null, null).query(50, NOW);

        assertThat(query.filter().statuses())
                .isEqualTo(Set.of(IncidentStatus.ROLLBACK_FAILED, IncidentStatus.ROLLED_BACK_UNVERIFIED));
    }
}
