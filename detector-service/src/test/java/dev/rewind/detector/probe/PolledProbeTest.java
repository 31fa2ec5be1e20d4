package dev.rewind.detector.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A probe against a real (loopback) HTTP endpoint: what it sends, what counts as a failure, what it publishes. */
class PolledProbeTest {

    private final HealthEndpoint endpoint = new HealthEndpoint();
    private final List<AlertEvent> published = new ArrayList<>();

    @AfterEach
    void close() {
        endpoint.close();
    }

    @Test
    void aFailingEndpointRaisesOneAlertAndItsRecoveryResolvesIt() throws InterruptedException {
        PolledProbe probe = probe(ProbeSettings.of(endpoint.health()).timing(Duration.ofSeconds(1),
                Duration.ofSeconds(2), 2));
        endpoint.answer(503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\"}]}");

        pollTimes(probe, 5);

        assertThat(published).singleElement().isInstanceOfSatisfying(AlertFired.class, fired -> assertThat(
                fired.summary()).isEqualTo("Health check failing: probe checkout failed 2 times in a row since "
                        + fired.startsAt() + "; last: GET " + endpoint.health() + " answered 503, expected 2xx (body: "
                        + "'{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\"}]}')"));

        endpoint.answer(204, "");
        pollTimes(probe, 2);

        assertThat(published).hasSize(2);
        assertThat(published.get(1)).isInstanceOfSatisfying(AlertResolved.class, resolved -> assertThat(
                resolved.startsAt()).isEqualTo(((AlertFired) published.get(0)).startsAt()));
    }

    @Test
    void theBearerTokenIsSent() throws InterruptedException {
        pollTimes(probe(ProbeSettings.of(endpoint.health()).authorized("s3cret", Map.of())), 1);

        assertThat(endpoint.authorizations()).containsExactly("Bearer s3cret");
        assertThat(published).isEmpty();
    }

    @Test
    void noAnswerWithinTheTimeoutIsAFailure() throws InterruptedException {
        endpoint.hang();

        pollTimes(probe(ProbeSettings.of(endpoint.health()).timing(Duration.ofSeconds(1), Duration.ofMillis(300), 1)),
                1);

        assertThat(summaryOfTheAlert()).contains("GET " + endpoint.health() + " got no answer (");
    }

    @Test
    void aRefusedConnectionIsAFailure() throws InterruptedException {
        String url = endpoint.health();
        endpoint.close();

        pollTimes(probe(ProbeSettings.of(url).timing(Duration.ofSeconds(1), Duration.ofSeconds(2), 1)), 1);

        assertThat(summaryOfTheAlert()).contains("GET " + url + " got no answer (ConnectException");
    }

    @Test
    void anExpectedStatusOtherThanSuccessIsHonoured() throws InterruptedException {
        endpoint.answer(200, "UP");

        pollTimes(probe(ProbeSettings.of(endpoint.health()).timing(Duration.ofSeconds(1), Duration.ofSeconds(2), 1)
                .expecting("204")), 1);

        assertThat(summaryOfTheAlert()).endsWith("answered 200, expected 204 (body: 'UP')");
    }

    @Test
    void aLongBodyIsCutShort() throws InterruptedException {
        endpoint.answer(500, "x".repeat(2_000_000));

        pollTimes(probe(ProbeSettings.of(endpoint.health()).timing(Duration.ofSeconds(1), Duration.ofSeconds(2), 1)),
                1);

        assertThat(summaryOfTheAlert()).endsWith("answered 500, expected 2xx (body: '" + "x".repeat(200) + "...')");
    }

    @Test
    void anAlertTheIntakeRefusedIsPublishedAtTheNextPoll() throws InterruptedException {
        endpoint.answer(503, "");
        PolledProbe probe = probe(ProbeSettings.of(endpoint.health()).timing(Duration.ofSeconds(1),
                Duration.ofSeconds(2), 1));

        probe.poll(alert -> {
            throw new IllegalStateException("database down");
        });
        pollTimes(probe, 2);

        assertThat(published).singleElement().isInstanceOf(AlertFired.class);
    }

    private PolledProbe probe(ProbeSettings settings) {
        return new PolledProbe(HealthProbe.of("checkout", settings, ProbeSettings.environments()), Clock.systemUTC());
    }

    private void pollTimes(PolledProbe probe, int times) throws InterruptedException {
        Consumer<AlertEvent> publish = published::add;
        for (int i = 0; i < times; i++) {
            probe.poll(publish);
        }
    }

    private String summaryOfTheAlert() {
        assertThat(published).singleElement().isInstanceOf(AlertFired.class);
        return ((AlertFired) published.get(0)).summary();
    }
}
