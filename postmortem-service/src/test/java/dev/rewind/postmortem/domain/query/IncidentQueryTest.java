package dev.rewind.postmortem.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rewind.events.Severity;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentQueryTest {

    @Test
    void noParametersIsTheFirstPageOfEverything() {
        IncidentQuery query = IncidentQuery.parse(Map.of(), 50, 500);

        assertThat(query.filter()).isEqualTo(IncidentFilter.none());
        assertThat(query.after()).isNull();
        assertThat(query.limit()).isEqualTo(50);
    }

    @Test
    void filtersAreRepeatableOrCommaListsAndTrimmed() {
        IncidentQuery query = IncidentQuery.parse(Map.of(
                "service", List.of("checkout, cart", "search"),
                "environment", List.of("production"),
                "namespace", List.of("payments,"),
                "severity", List.of("p0", "P1"),
                "limit", List.of("10")), 50, 500);

        assertThat(query.filter().services()).containsExactlyInAnyOrder("checkout", "cart", "search");
        assertThat(query.filter().environments()).containsExactly("production");
        assertThat(query.filter().namespaces()).containsExactly("payments");
        assertThat(query.filter().severities()).containsExactlyInAnyOrder(Severity.P0, Severity.P1);
        assertThat(query.limit()).isEqualTo(10);
    }

    @Test
    void statusesByNameInAnyCaseAndTheIssuesWords() {
        assertThat(statuses("open")).containsExactly(IncidentStatus.OPEN);
        assertThat(statuses("awaiting-approval")).containsExactly(IncidentStatus.AWAITING_APPROVAL);
        assertThat(statuses("ROLLING_BACK")).containsExactly(IncidentStatus.ROLLING_BACK);
        assertThat(statuses("declined")).containsExactly(IncidentStatus.DECLINED);
        assertThat(statuses("expired")).containsExactly(IncidentStatus.EXPIRED);
        assertThat(statuses("resolved")).containsExactly(IncidentStatus.ROLLED_BACK);
        assertThat(statuses("failed"))
                .containsExactlyInAnyOrder(IncidentStatus.ROLLBACK_FAILED, IncidentStatus.ROLLED_BACK_UNVERIFIED);
        assertThat(statuses("rolled-back-unverified,rejected"))
                .containsExactlyInAnyOrder(IncidentStatus.ROLLED_BACK_UNVERIFIED, IncidentStatus.REJECTED);
    }

    @Test
    void timeRangeTakesAnyOffsetAndKeepsTheInstant() {
        IncidentQuery query = IncidentQuery.parse(Map.of("from", List.of("2026-11-15T15:00:00+01:00"),
                "to", List.of("2026-11-16T00:00:00Z"), "q", List.of("  5xx rate ")), 50, 500);

        assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-11-15T14:00:00Z"));
        assertThat(query.filter().to()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(query.filter().text()).isEqualTo("5xx rate");
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        InvalidQuery invalid = invalid(Map.of(
                "service", List.of("Checkout"),
                "severity", List.of("P5"),
                "status", List.of("resolvd"),
                "from", List.of("yesterday"),
                "limit", List.of("0"),
                "cursor", List.of("not-ours"),
                "sevrity", List.of("P1")));

        assertThat(invalid.problems()).extracting(InvalidQuery.Problem::parameter)
                .containsExactlyInAnyOrder("service", "severity", "status", "from", "limit", "cursor", "sevrity");
        assertThat(invalid.getMessage())
                .contains("query parameter 'service' must be a service name (a DNS-1123 label")
                .contains("query parameter 'severity' must be one of P0, P1, P2, P3, got 'P5'")
                .contains("query parameter 'status' must be a status (open, declined")
                .contains("query parameter 'from' must be an ISO-8601 time with an offset")
                .contains("query parameter 'limit' must be a whole number from 1 to 500, got '0'")
                .contains("query parameter 'cursor' is not a cursor this list gave out")
                .contains("query parameter 'sevrity' is not a parameter of this endpoint");
    }

    @Test
    void timesMustFallInTheYears1To9999WhichTheDatabaseHolds() {
        assertThat(problemsOf("from", "+100000-01-01T00:00:00Z")).containsExactly("from");
        assertThat(problemsOf("to", "+10000-01-01T00:00:00Z")).containsExactly("to");
        assertThat(problemsOf("from", "0000-12-31T23:59:59Z")).containsExactly("from");
        assertThat(problemsOf("from", "0001-01-01T00:30:00+01:00")).as("year 0 in UTC").containsExactly("from");
        assertThat(invalid(Map.of("from", List.of("+100000-01-01T00:00:00Z"))).getMessage()).isEqualTo(
                "query parameter 'from' must be an ISO-8601 time with an offset in the years 1 to 9999, such as "
                        + "2026-11-15T14:25:31Z, got '+100000-01-01T00:00:00Z'");
        IncidentFilter widest = IncidentQuery.parse(Map.of("from", List.of("0001-01-01T00:00:00Z"),
                "to", List.of("9999-12-31T23:59:59.999999Z")), 50, 500).filter();
        assertThat(widest.from()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(widest.to()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @Test
    void limitMustBeAWholeNumberUpToTheMaximum() {
        assertThat(problemsOf("limit", "501")).containsExactly("limit");
        assertThat(problemsOf("limit", "ten")).containsExactly("limit");
        assertThat(problemsOf("limit", "1.5")).containsExactly("limit");
        assertThat(IncidentQuery.parse(Map.of("limit", List.of("500")), 50, 500).limit()).isEqualTo(500);
    }

    @Test
    void rangeMustRunForwardAndBoundsBeGivenOnce() {
        assertThat(invalid(Map.of("from", List.of("2026-11-16T00:00:00Z"), "to", List.of("2026-11-16T00:00:00Z")))
                .problems()).extracting(InvalidQuery.Problem::parameter).containsExactly("to");
        assertThat(invalid(Map.of("from", List.of("2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z"))).getMessage())
                .isEqualTo("query parameter 'from' must be given once, got 2 values");
    }

    @Test
    void tooLongTextIsRefused() {
        assertThat(problemsOf("q", "x".repeat(IncidentFilter.MAX_TEXT + 1))).containsExactly("q");
    }

    @Test
    void theCursorComesBackAsTheListGaveIt() {
        IncidentCursor cursor = new IncidentCursor(Instant.parse("2026-11-15T14:25:31.123456Z"), UUID.randomUUID());

        IncidentQuery query = IncidentQuery.parse(Map.of("cursor", List.of(cursor.encode())), 50, 500);

        assertThat(query.after()).isEqualTo(cursor);
    }

    private static java.util.Set<IncidentStatus> statuses(String value) {
        return IncidentQuery.parse(Map.of("status", List.of(value)), 50, 500).filter().statuses();
    }

    private static List<String> problemsOf(String parameter, String value) {
        return invalid(Map.of(parameter, List.of(value))).problems().stream().map(InvalidQuery.Problem::parameter)
                .toList();
    }

    private static InvalidQuery invalid(Map<String, List<String>> parameters) {
        InvalidQuery invalid = catchThrowableOfType(InvalidQuery.class, () -> IncidentQuery.parse(parameters, 50, 500));
        assertThat(invalid).as("refused").isNotNull();
        return invalid;
    }
}
