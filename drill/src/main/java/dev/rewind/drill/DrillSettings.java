package dev.rewind.drill;

import java.time.Duration;
import java.util.Map;

/**
 * Where the drill finds Rewind and the sandbox, what it deploys and breaks, and how long it waits.
 *
 * @param services each Rewind service's base URL by name (their readiness is checked first)
 * @param incidentsUrl the postmortem service's base URL (the incident API)
 * @param sandboxUrl the sandbox's demo applications, monitor and Slack stand-in
 * @param token a bearer token that may read incidents (role viewer or above)
 * @param deployment the Deployment the drill creates in {@code namespace}: a new one per drill, so that the cooldown
 *                   a previous drill left on its target does not decline this one
 */
public record DrillSettings(Map<String, String> services, String incidentsUrl, String sandboxUrl, String token,
                            String environment, String namespace, String deployment, String image,
                            String goodVersion, String testVersion, String fault,
                            Duration detectTimeout, Duration rollbackTimeout) {
}
