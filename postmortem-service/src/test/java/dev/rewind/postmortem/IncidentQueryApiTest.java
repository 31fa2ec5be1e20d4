package dev.rewind.postmortem;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import dev.rewind.postmortem.domain.IncidentStatus;
import dev.rewind.postmortem.persistence.IncidentRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The incident list's filters and pages, and the statistics, over incidents written straight into the table (the
 * recorder that keeps those rows is tested in {@link IncidentEventConsumerTest}). Each test has a service of its own.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class IncidentQueryApiTest {

    private static final Instant BASE = Instant.parse("2030-03-01T12:00:00Z");

    @Test
    void eachFilterNarrowsTheListNewestFirst() {
        String service = uniqueTarget("production").service();
        IncidentRecord failedP0 = insert(incident("production", "payments", service, BASE,
                IncidentStatus.ROLLBACK_FAILED).severity(Severity.P0).reason("5xx rate 12.4% above 5% after v1.3.0").build());
        IncidentRecord resolvedP1 = insert(incident("staging", "storefront", service, BASE.plusSeconds(60),
                IncidentStatus.ROLLED_BACK).severity(Severity.P1).reason("p99 latency 3x baseline").build());
        IncidentRecord declinedP2 = insert(incident("development", "shop", service, BASE.plusSeconds(120),
                IncidentStatus.DECLINED).severity(Severity.P2).reason("Pod restarts 100% of 50_000").build());
        IncidentRecord unverified = insert(incident("production", "payments", service, BASE.plusSeconds(180),
                IncidentStatus.ROLLED_BACK_UNVERIFIED).severity(Severity.P1).reason("5XX RATE 7% over 5%").build());

        assertThat(ids("service", service)).containsExactly(unverified.id, declinedP2.id, resolvedP1.id, failedP0.id);
        assertThat(ids("service", service, "environment", "production")).containsExactly(unverified.id, failedP0.id);
        assertThat(ids("service", service, "namespace", "storefront,shop"))
                .containsExactly(declinedP2.id, resolvedP1.id);
        assertThat(ids("service", service, "severity", "P0", "severity", "p2"))
                .containsExactly(declinedP2.id, failedP0.id);
        assertThat(ids("service", service, "status", "failed")).containsExactly(unverified.id, failedP0.id);
        assertThat(ids("service", service, "status", "resolved,declined"))
                .containsExactly(declinedP2.id, resolvedP1.id);
        assertThat(ids("service", service, "from", BASE.plusSeconds(60).toString(),
                "to", BASE.plusSeconds(180).toString()))
                .as("from inclusive, to exclusive").containsExactly(declinedP2.id, resolvedP1.id);
        assertThat(ids("service", service, "q", "5xx rate")).as("any case")
                .containsExactly(unverified.id, failedP0.id);
        assertThat(ids("service", service, "q", "100%")).as("% is a character, not a wildcard")
                .containsExactly(declinedP2.id);
        assertThat(ids("service", service, "q", "0_0")).as("_ too").containsExactly(declinedP2.id);
        assertThat(ids("service", service, "environment", "production", "severity", "P1", "q", "rate"))
                .containsExactly(unverified.id);
    }

    @Test
    void aListedIncidentSaysWhereItRanItsDeadlineAndItsTimeToRollBack() {
        TargetKey target = uniqueTarget("production");
        IncidentRecord row = incident(target.environment(), target.namespace(), target.service(), BASE,
                IncidentStatus.ROLLED_BACK).severity(Severity.P1).build();
        row.signal = Signal.ERROR_RATE;
        row.deadlineAt = BASE.plus(Duration.ofMinutes(15));
        row.rollbackCompletedAt = BASE.plus(Duration.ofSeconds(389));
        row.timeToRollbackMs = 389_000L;
        insert(row);

        reader().get("/api/v1/incidents?service=" + target.service()).then().statusCode(200)
                .body("items[0].target", is(target.toString()))
                .body("items[0].environment", is("production"))
                .body("items[0].namespace", is(target.namespace()))
                .body("items[0].service", is(target.service()))
                .body("items[0].signal", is("ERROR_RATE"))
                .body("items[0].deadline", is("MET"))
                .body("items[0].deadlineAt", is("2030-03-01T12:15:00Z"))
                .body("items[0].timeToRollBack", is("PT6M29S"))
                .body("next", is((Object) null));
    }

    @Test
    void noIncidentIsSkippedOrRepeatedAcrossPagesWhileNewOnesArrive() {
        String service = uniqueTarget("production").service();
        List<IncidentRecord> there = new ArrayList<>();
        // Pairs of incidents share their detection time, so that pages also end between equal times.
        for (int i = 0; i < 9; i++) {
            there.add(insert(incident("production", "payments", service, BASE.minusSeconds(60L * (i / 2)),
                    IncidentStatus.OPEN).build()));
        }
        // Newest first, ties by id descending (PostgreSQL compares UUIDs as their hex text compares).
        List<UUID> expected = there.stream().sorted(Comparator.comparing((IncidentRecord r) -> r.openedAt)
                .thenComparing(r -> r.id.toString()).reversed()).map(r -> r.id).toList();
        assertThat(ids("service", service, "limit", "9")).as("one page").containsExactlyElementsOf(expected);

        List<UUID> seen = new ArrayList<>();
        String path = "/api/v1/incidents?service=" + service + "&limit=2";
        IncidentRecord late = null;
        int page = 0;
        while (path != null) {
            Response response = reader().get(path).then().statusCode(200).extract().response();
            JsonPath body = response.jsonPath();
            body.getList("items.id", String.class).forEach(id -> seen.add(UUID.fromString(id)));
            String next = body.getString("next");
            if (next != null) {
                assertThat(response.header("Link")).startsWith("<").endsWith(">; rel=\"next\"")
                        .contains("cursor=" + next).contains("service=" + service).contains("limit=2");
                path = response.header("Link").substring(1, response.header("Link").indexOf('>'));
            } else {
                assertThat(response.header("Link")).isNull();
                path = null;
            }
            // Between page reads: a new incident (newer than all) each time, and once one delivered late, detected
            // before every other.
            insert(incident("production", "payments", service, BASE.plusSeconds(3600 + page), IncidentStatus.OPEN)
                    .build());
            if (page == 1) {
                late = insert(incident("production", "payments", service, BASE.minusSeconds(86_400),
                        IncidentStatus.OPEN).build());
            }
            page++;
        }

        List<UUID> expectedWithLate = new ArrayList<>(expected);
        expectedWithLate.add(late.id);
        assertThat(seen).as("every incident there at the first page exactly once, in order; the late one at the end")
                .containsExactlyElementsOf(expectedWithLate);
    }

    @Test
    void badQueryValuesAreBadRequestsNamingTheParameter() {
        assertBadParameter("status=resolvd", "status", "must be a status (open, declined");
        assertBadParameter("severity=P9", "severity", "must be one of P0, P1, P2, P3, got 'P9'");
        assertBadParameter("service=Checkout", "service", "must be a service name (a DNS-1123 label");
        assertBadParameter("from=yesterday", "from", "must be an ISO-8601 time with an offset");
        assertBadParameter("from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "to", "must be later than from");
        assertBadParameter("cursor=bm90LW91cnM", "cursor", "is not a cursor this list gave out");
        assertBadParameter("limit=ten", "limit", "must be a whole number from 1 to 500, got 'ten'");
        assertBadParameter("limit=501", "limit", "must be a whole number from 1 to 500");
        assertBadParameter("sevrity=P1", "sevrity", "is not a parameter of this endpoint");
        reader().queryParam("from", "+100000-01-01T00:00:00Z").get("/api/v1/incidents").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("from"))
                .body("detail", containsString("in the years 1 to 9999, such as 2026-11-15T14:25:31Z, got "
                        + "'+100000-01-01T00:00:00Z'"));
    }

    @Test
    void statisticsPerServiceAndEnvironmentOverTheRange() {
        String service = uniqueTarget("production").service();
        Instant from = Instant.parse("2001-01-01T00:00:00Z");
        // Ten completed rollbacks taking 1 to 10 minutes, 15 minutes' deadline, but 5 for the tenth (missed).
        for (int minutes = 1; minutes <= 10; minutes++) {
            Instant opened = from.plus(Duration.ofHours(minutes));
            IncidentStatus status = minutes <= 8 ? IncidentStatus.ROLLED_BACK : IncidentStatus.ROLLED_BACK_UNVERIFIED;
            IncidentRecord row = incident("production", "payments", service, opened, status).severity(Severity.P1)
                    .build();
            row.deadlineAt = opened.plus(Duration.ofMinutes(minutes == 10 ? 5 : 15));
            row.rollbackCompletedAt = opened.plus(Duration.ofMinutes(minutes));
            row.timeToRollbackMs = Duration.ofMinutes(minutes).toMillis();
            insert(row);
        }
        IncidentRecord failed = incident("production", "payments", service, from.plus(Duration.ofHours(20)),
                IncidentStatus.ROLLBACK_FAILED).severity(Severity.P0).build();
        failed.deadlineAt = failed.openedAt.plus(Duration.ofMinutes(5));
        insert(failed);
        IncidentRecord declined = incident("production", "payments", service, from.plus(Duration.ofHours(21)),
                IncidentStatus.DECLINED).severity(Severity.P1).build();
        declined.deadlineAt = declined.openedAt.plus(Duration.ofMinutes(15));
        insert(declined);
        insert(incident("staging", "storefront", service, from.plus(Duration.ofHours(22)), IncidentStatus.ROLLING_BACK)
                .severity(Severity.P2).build());
        insert(incident("production", "payments", service, from.minusSeconds(1), IncidentStatus.ROLLED_BACK).build());

        JsonPath statistics = reader().queryParam("service", service).queryParam("from", from.toString())
                .queryParam("to", from.plus(Duration.ofDays(1)).toString()).get("/api/v1/incidents/statistics")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();

        assertThat(statistics.getList("groups.environment")).containsExactly("production", "staging");
        assertThat(statistics.getMap("groups[0].figures")).containsEntry("incidents", 12).containsEntry("rollbacks", 11)
                .containsEntry("succeeded", 8).containsEntry("unverified", 2).containsEntry("failed", 1)
                .containsEntry("successRate", 0.727f)
                .containsEntry("medianTimeToRollBack", "PT5M30S").containsEntry("p90TimeToRollBack", "PT9M6S")
                .containsEntry("deadlinesMet", 9).containsEntry("deadlinesMissed", 2);
        assertThat(statistics.getMap("groups[1].figures")).containsEntry("incidents", 1).containsEntry("rollbacks", 1)
                .containsEntry("successRate", null).containsEntry("medianTimeToRollBack", null);
        assertThat(statistics.getInt("overall.incidents")).isEqualTo(13);
        assertThat(statistics.getString("from")).isEqualTo(from.toString());
    }

    @Test
    void statisticsAreNotTakenForAnIncidentAndRefuseABackwardRange() {
        reader().get("/api/v1/incidents/statistics?service={s}", uniqueTarget("production").service()).then()
                .statusCode(200).body("groups", is(List.of())).body("overall.incidents", is(0));
        reader().get("/api/v1/incidents/statistics?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("from"));
    }

    private static void assertBadParameter(String query, String parameter, String message) {
        reader().get("/api/v1/incidents?" + query).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", is(parameter))
                .body("violations[0].in", is("query"))
                .body("violations[0].message", containsString(message))
                .body("detail", containsString(parameter + ": " + message));
    }

    /** The ids the list answers for the query parameters {@code nameValues} (name, value, name, value...). */
    private static List<UUID> ids(String... nameValues) {
        RequestSpecification request = reader();
        for (int i = 0; i < nameValues.length; i += 2) {
            request.queryParam(nameValues[i], nameValues[i + 1]);
        }
        return request.get("/api/v1/incidents").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.token("rita.reader", "viewer"));
    }

    private static IncidentRecord insert(IncidentRecord row) {
        QuarkusTransaction.requiringNew().run(row::persist);
        return row;
    }

    private static Row incident(String environment, String namespace, String service, Instant openedAt,
                                IncidentStatus status) {
        return new Row(environment, namespace, service, openedAt, status);
    }

    /** An incident row, as the recorder would keep it. */
    private static final class Row {
        private final IncidentRecord row = new IncidentRecord();

        Row(String environment, String namespace, String service, Instant openedAt, IncidentStatus status) {
            row.id = UUID.randomUUID();
            row.target = environment + "/" + namespace + "/" + service;
            row.environment = environment;
            row.namespace = namespace;
            row.service = service;
            row.status = status;
            row.openedAt = openedAt;
            row.updatedAt = openedAt;
            row.reason = "error rate above threshold";
        }

        Row severity(Severity severity) {
            row.severity = severity;
            return this;
        }

        Row reason(String reason) {
            row.reason = reason;
            return this;
        }

        IncidentRecord build() {
            return row;
        }
    }
}
