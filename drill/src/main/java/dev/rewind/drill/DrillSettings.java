package dev.rewind.drill;

import java.time.Duration;
import java.util.Map;

/**
 * Where the drill finds Rewind and the sandbox, what it deploys and breaks, and how long it waits.
 *
 * @param services each Rewind service's base URL by name (their readiness is checked first)
 * @param incidentsUrl the postmortem service's base URL (the incident API)
 * @param approvalsUrl the approval service's base URL (the approval API)
 * @param sandboxUrl the sandbox's demo applications, monitor and Slack stand-in
 * @param token a bearer token that may read incidents (role viewer or above)
 * @param approverToken a bearer token of a person the production policy accepts as approver (role oncall), used only
 *                      by the scenario that approves; null when none was given
 */
public record DrillSettings(Map<String, String> services, String incidentsUrl, String approvalsUrl, String sandboxUrl,
                            String token, String approverToken, String image, String goodVersion, String testVersion,
                            String fault, Duration detectTimeout, Duration rollbackTimeout) {
}
