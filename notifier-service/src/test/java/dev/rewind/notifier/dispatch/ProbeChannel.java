package dev.rewind.notifier.dispatch;

import dev.rewind.notifier.channel.HttpAnswers;
import dev.rewind.notifier.channel.NotificationChannel;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.channel.SendResult;
import dev.rewind.notifier.channel.SentBefore;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A test channel that posts each notice's payload to a stub: enabled only where {@code rewind.test.probe-<name>-url}
 * is configured, so it stays out of other tests. The post carries the references of earlier deliveries, so tests see
 * what {@link SentBefore} held, and the stub's answer body becomes the delivery's reference.
 */
abstract class ProbeChannel implements NotificationChannel {

    private final String name;
    private final boolean idempotent;
    private final Optional<String> url;
    private final Client client = ClientBuilder.newClient();

    ProbeChannel(String name, boolean idempotent) {
        this.name = name;
        this.idempotent = idempotent;
        this.url = ConfigProvider.getConfig().getOptionalValue("rewind.test.probe-" + name + "-url", String.class);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean enabled() {
        return url.isPresent();
    }

    @Override
    public boolean idempotent() {
        return idempotent;
    }

    @Override
    public List<Outgoing> plan(Notice notice) {
        if (notice.kind() == Notice.Kind.STEP) {
            return List.of(); // quiet
        }
        return List.of(new Outgoing(notice.notification(), name + ": " + notice.notification(),
                "{\"incident\":\"" + notice.event().incidentId() + "\",\"notification\":\"" + notice.notification()
                        + "\"}"));
    }

    @Override
    public SendResult send(Outgoing outgoing, SentBefore earlier) {
        try (Response response = client.target(url.orElseThrow()).path(outgoing.notification())
                .queryParam("earlier", String.join(",", earlier.references().values()))
                .request().post(Entity.json(outgoing.payload()))) {
            String reference = response.getStatus() < 300 && response.hasEntity()
                    ? response.readEntity(String.class) : null;
            return HttpAnswers.of(name, response, reference);
        } catch (jakarta.ws.rs.ProcessingException e) {
            return HttpAnswers.unreachable(name, e);
        }
    }
}
