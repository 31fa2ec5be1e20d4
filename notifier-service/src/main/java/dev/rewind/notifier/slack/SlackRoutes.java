package dev.rewind.notifier.slack;

import dev.rewind.events.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an incident's Slack messages go: the first route (in the order of their names) whose environments and
 * severities both take the incident, else the default channel, else nowhere.
 */
final class SlackRoutes {

    /** One route; empty sets take anything. */
    record Route(String name, Set<String> environments, Set<Severity> severities, String channel) {

        Route {
            environments = environments.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            severities = Set.copyOf(severities);
            if (channel == null || channel.isBlank()) {
                throw new IllegalArgumentException("rewind.notifier.slack.routes." + name + ".channel is empty: "
                        + "set the Slack channel id (C0123456789) its incidents go to");
            }
        }

        boolean takes(String environment, Severity severity) {
            return (environments.isEmpty() || environments.contains(environment.toLowerCase(Locale.ROOT)))
                    && (severities.isEmpty() || severity != null && severities.contains(severity));
        }
    }

    private final List<Route> routes;
    private final Optional<String> fallback;

    SlackRoutes(List<Route> routes, Optional<String> fallback) {
        this.routes = routes.stream().sorted(Comparator.comparing(Route::name)).toList();
        this.fallback = fallback.filter(channel -> !channel.isBlank());
    }

    static SlackRoutes of(SlackConfig config) {
        List<Route> routes = config.routes().entrySet().stream().map(named -> new Route(named.getKey(),
                named.getValue().environments().orElse(Set.of()), named.getValue().severities().orElse(Set.of()),
                named.getValue().channel())).toList();
        return new SlackRoutes(routes, config.channel());
    }

    /** The channel of an incident in {@code environment} of {@code severity} (null when not known yet). */
    Optional<String> channelFor(String environment, Severity severity) {
        return routes.stream().filter(route -> route.takes(environment, severity)).map(Route::channel).findFirst()
                .or(() -> fallback);
    }

    boolean isEmpty() {
        return routes.isEmpty() && fallback.isEmpty();
    }
}
