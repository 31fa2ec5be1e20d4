package dev.rewind.notifier;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.notifier.persistence.DeliveryRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.RecordingHttpServer.Answer;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tagging the faulty release on GitHub end to end: a successful rollback in, the GitHub stub's requests out. The
 * stubs map one service, {@code payments/git-tagged}, to {@code acme/checkout}; each test rolls back its own version.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(VendorStubsResource.class)
class GitFaultyTagTest extends KafkaClientTest {

    private static final TargetKey TAGGED = new TargetKey("production", "payments", "git-tagged");
    private static final String REPO = "/repos/acme/checkout/git";

    /** Unique per test; its '+' is escaped in the URL's path and must arrive as it is, not escaped twice. */
    private final String version = "v1.3.0+" + UUID.randomUUID().toString().substring(0, 8);
    private final String commit = sha();
    private final String tagObject = sha();
    private final UUID incident = UUID.randomUUID();

    @AfterEach
    void answerOkAgain() {
        VendorStubsResource.github.answer(request -> Answer.of(200, "ok"));
    }

    @Test
    void theCommitOfALightweightReleaseTagIsTaggedFaulty() throws Exception {
        github(request -> request.path().equals(REPO + "/ref/tags/" + version)
                ? Answer.of(200, ref(version, "commit", commit)) : created(request));

        UUID succeededId = kafka.send(Topics.INCIDENT_EVENTS, succeeded());

        NotificationDelivered delivered = delivered();
        assertThat(delivered.aboutEventId()).isEqualTo(succeededId);
        assertThat(delivered.notification()).isEqualTo("faulty-release-tag");
        assertThat(delivered.summary())
                .isEqualTo("Release " + version + " tagged rewind/faulty/" + version + " in acme/checkout (Git)");
        List<RecordingHttpServer.Request> calls = requests();
        assertThat(calls).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET " + REPO + "/ref/tags/" + version, "POST " + REPO + "/refs");
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.header("Authorization")).isEqualTo("Bearer github-test-token");
            assertThat(call.header("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(call.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        });
        JsonNode created = EventJson.mapper().readTree(calls.get(1).body());
        assertThat(created.get("ref").asText()).isEqualTo("refs/tags/rewind/faulty/" + version);
        assertThat(created.get("sha").asText()).isEqualTo(commit);
        assertThat(delivery().reference).isEqualTo("acme/checkout:rewind/faulty/" + version);
    }

    @Test
    void anAnnotatedReleaseTagIsFollowedToTheCommitItTags() throws Exception {
        github(request -> {
            if (request.path().equals(REPO + "/ref/tags/" + version)) {
                return Answer.of(200, ref(version, "tag", tagObject));
            }
            if (request.path().equals(REPO + "/tags/" + tagObject)) {
                return Answer.of(200, "{\"sha\":\"" + tagObject + "\",\"tag\":\"" + version + "\","
                        + "\"object\":{\"type\":\"commit\",\"sha\":\"" + commit + "\"}}");
            }
            return created(request);
        });

        kafka.send(Topics.INCIDENT_EVENTS, succeeded());

        delivered();
        assertThat(requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET " + REPO + "/ref/tags/" + version, "GET " + REPO + "/tags/" + tagObject, "POST " + REPO + "/refs");
        assertThat(EventJson.mapper().readTree(requests().get(2).body()).get("sha").asText()).isEqualTo(commit);
    }

    @Test
    void aFaultyTagAlreadyOnTheReleasesCommitIsDelivered() {
        github(request -> {
            if (request.method().equals("POST")) {
                return Answer.of(422, "{\"message\":\"Reference already exists\",\"documentation_url\":\"https://"
                        + "docs.github.com/rest/git/refs#create-a-reference\",\"status\":\"422\"}");
            }
            return request.path().endsWith("/ref/tags/" + version)
                    || request.path().endsWith("/ref/tags/rewind/faulty/" + version)
                    ? Answer.of(200, ref(version, "commit", commit)) : Answer.of(404, "{\"message\":\"Not Found\"}");
        });

        kafka.send(Topics.INCIDENT_EVENTS, succeeded());

        delivered();
        assertThat(requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET " + REPO + "/ref/tags/" + version, "POST " + REPO + "/refs",
                "GET " + REPO + "/ref/tags/rewind/faulty/" + version);
        assertThat(delivery().attempts).isEqualTo(1);
    }

    @Test
    void aReleaseTagGitHubDoesNotKnowIsAFailedNotificationSayingWhatToConfigure() {
        github(request -> Answer.of(404, "{\"message\":\"Not Found\",\"status\":\"404\"}"));

        UUID succeededId = kafka.send(Topics.INCIDENT_EVENTS, succeeded());

        NotificationFailed failed = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                ours(NotificationFailed.class)).value(), NotificationFailed.class);
        assertThat(failed.channel()).isEqualTo("git");
        assertThat(failed.aboutEventId()).isEqualTo(succeededId);
        assertThat(failed.notification()).isEqualTo("faulty-release-tag");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("no tag " + version + " in acme/checkout",
                "set rewind.notifier.git.version-tag", "rewind.notifier.git.version-tag='{version}'");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aRateLimitIsWaitedOutThenTheTagCreated() {
        AtomicInteger lookups = new AtomicInteger();
        github(request -> {
            if (request.path().equals(REPO + "/ref/tags/" + version)) {
                return lookups.incrementAndGet() == 1
                        ? Answer.of(429, Map.of("Retry-After", "1"), "{\"message\":\"secondary rate limit\"}")
                        : Answer.of(200, ref(version, "commit", commit));
            }
            return created(request);
        });

        kafka.send(Topics.INCIDENT_EVENTS, succeeded());

        delivered();
        DeliveryRecord delivery = delivery();
        assertThat(delivery.attempts).isEqualTo(2);
        assertThat(delivery.lastError).startsWith("GitHub answered 429");
        assertThat(requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET " + REPO + "/ref/tags/" + version, "GET " + REPO + "/ref/tags/" + version,
                "POST " + REPO + "/refs");
    }

    @Test
    void aServerErrorIsTriedAgainThenTheTagCreated() {
        AtomicInteger creates = new AtomicInteger();
        github(request -> {
            if (request.method().equals("POST")) {
                return creates.incrementAndGet() == 1 ? Answer.of(500, "{\"message\":\"Server Error\"}")
                        : created(request);
            }
            return request.path().equals(REPO + "/ref/tags/" + version)
                    ? Answer.of(200, ref(version, "commit", commit)) : Answer.of(404, "{}");
        });

        kafka.send(Topics.INCIDENT_EVENTS, succeeded());

        delivered();
        assertThat(delivery().attempts).isEqualTo(2);
        assertThat(requests().stream().filter(r -> r.method().equals("POST"))).hasSize(2);
    }

    /** Scripts the GitHub stub for this test's version; anything else (another test's leftovers) gets a 404. */
    private void github(Function<RecordingHttpServer.Request, Answer> answers) {
        VendorStubsResource.github.answer(request -> isOurs(request) ? answers.apply(request)
                : Answer.of(404, "{\"message\":\"Not Found\"}"));
    }

    private boolean isOurs(RecordingHttpServer.Request request) {
        return request.path().contains(version) || request.body().contains(version)
                || request.path().contains(tagObject);
    }

    private List<RecordingHttpServer.Request> requests() {
        return VendorStubsResource.github.requests().stream().filter(this::isOurs).toList();
    }

    private Answer created(RecordingHttpServer.Request request) {
        return request.method().equals("POST")
                ? Answer.of(201, ref("rewind/faulty/" + version, "commit", commit)) : Answer.of(404, "{}");
    }

    private NotificationDelivered delivered() {
        return EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), ours(NotificationDelivered.class))
                .value(), NotificationDelivered.class);
    }

    private Predicate<ConsumerRecord<String, String>> ours(Class<? extends RewindEvent> type) {
        return about(TAGGED, type).and(record -> record.value().contains(incident.toString())
                && record.value().contains("\"channel\":\"git\""));
    }

    private DeliveryRecord delivery() {
        return QuarkusTransaction.requiringNew().call(() -> DeliveryRecord.<DeliveryRecord>find(
                "incidentId = ?1 and channel = ?2", incident, "git").singleResult());
    }

    private RollbackSucceeded succeeded() {
        RollbackSucceeded f = EventFixtures.event(RollbackSucceeded.class);
        return new RollbackSucceeded(incident, TAGGED, f.executionId(), f.method(), version, f.toVersion(),
                f.message(), f.release(), f.occurredAt());
    }

    private static String ref(String tag, String type, String sha) {
        return "{\"ref\":\"refs/tags/" + tag + "\",\"node_id\":\"REF_kwDO\",\"url\":\"https://api.github.com/repos/"
                + "acme/checkout/git/refs/tags/" + tag + "\",\"object\":{\"type\":\"" + type + "\",\"sha\":\"" + sha
                + "\",\"url\":\"https://api.github.com/repos/acme/checkout/git/commits/" + sha + "\"}}";
    }

    private static String sha() {
        StringBuilder sha = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sha.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return sha.toString();
    }
}
