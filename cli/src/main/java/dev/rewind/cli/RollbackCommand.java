package dev.rewind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind rollback env/ns/service --reason ... --severity P1}: asks for a rollback by hand. */
@Command(name = "rollback", sortOptions = false,
        description = {"Asks Rewind to roll a target back (a manual request).",
                "POST /api/v1/rollbacks at the rollback request API: it opens an incident whose rollback request "
                        + "goes through the approval policy like any other; you may not approve your own. A target "
                        + "with an open incident is refused (exit 1), naming it."})
final class RollbackCommand extends ApiCommand {

    /** The severities the request API takes. */
    enum Severity { P0, P1, P2, P3 }

    @Parameters(index = "0", paramLabel = "TARGET", converter = Target.Converter.class,
            description = "ENVIRONMENT/NAMESPACE/SERVICE, e.g. production/payments/checkout")
    Target target;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why, for approvers and the post-mortem (at most 2000 characters)")
    String reason;

    @Option(names = "--severity", required = true, paramLabel = "P0..P3",
            description = "P0 (critical) to P3 (low): with the environment, decides the approvals needed")
    Severity severity;

    @Option(names = "--to-revision", paramLabel = "N",
            description = "The Deployment revision to return to (kubectl rollout history); default: the previous")
    Integer toRevision;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Send the same key when retrying: the retry gets the first answer instead of a second "
                    + "request")
    String idempotencyKey;

    @Option(names = "--json", description = "Print the API's JSON answer instead")
    boolean json;

    @Override
    void run(RewindApi api) {
        String body = api.requestRollback(target, reason, severity.name(), toRevision, idempotencyKey);
        if (json) {
            out().println(body);
            return;
        }
        JsonNode accepted = RewindApi.json(body);
        long number = accepted.path("incidentNumber").asLong();
        out().println("INCIDENT-" + number + " opened: rollback of " + target + " requested (request "
                + accepted.path("requestId").asText("?") + "); it awaits the approval policy. Follow it with: "
                + "rewind incident " + number);
    }
}
