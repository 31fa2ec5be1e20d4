package dev.rewind.notifier.dispatch;

import dev.rewind.notifier.channel.NotificationChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** The configured channels, by name; channels without configuration are left out. */
@ApplicationScoped
public class ChannelRegistry {

    private static final Logger LOG = Logger.getLogger(ChannelRegistry.class);

    private final Map<String, NotificationChannel> enabled = new LinkedHashMap<>();

    @Inject
    public ChannelRegistry(@Any Instance<NotificationChannel> channels) {
        Set<String> names = new HashSet<>();
        channels.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(channel -> {
            if (!names.add(channel.name())) {
                throw new IllegalStateException("two notification channels are named '" + channel.name() + "'");
            }
            if (channel.enabled()) {
                enabled.put(channel.name(), channel);
            }
        });
        LOG.infof("notification channels configured: %s", enabled.isEmpty() ? "none" : enabled.keySet());
    }

    public List<NotificationChannel> enabled() {
        return List.copyOf(enabled.values());
    }

    public Optional<NotificationChannel> named(String name) {
        return Optional.ofNullable(enabled.get(name));
    }
}
