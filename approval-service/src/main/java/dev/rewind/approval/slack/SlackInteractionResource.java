package dev.rewind.approval.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.platform.http.Problems;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.logging.Logger;

/**
 * The Slack app's interactivity Request URL. Slack's signature is checked on the raw body before anything else is
 * read; once it holds, Slack always gets a 200 (it shows the presser an error otherwise) and the outcome reaches the
 * presser through the interaction's {@code response_url}. Authenticated by the signature, not by a bearer token.
 */
@Path(SlackInteractionResource.PATH)
@PermitAll
@SecurityScheme(securitySchemeName = "slackSignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = SlackSignature.SIGNATURE_HEADER, description = "Slack's signature of the raw body with the app's "
        + "signing secret (REWIND_SLACK_SIGNING_SECRET), with its " + SlackSignature.TIMESTAMP_HEADER + " header")
@SecurityRequirement(name = "slackSignature")
public class SlackInteractionResource {

    static final String PATH = "/api/v1/slack/interactions";

    private static final Logger LOG = Logger.getLogger(SlackInteractionResource.class);
    private static final String NOT_CONFIGURED = "Slack interactions are not configured: set "
            + "REWIND_SLACK_SIGNING_SECRET (rewind.approval.slack.signing-secret) to the Slack app's signing secret "
            + "and restart the approval service";

    private final Optional<SlackSignature> verifier;
    private final Consumer<BlockActions> handler;
    private final ObjectMapper mapper;

    @Inject
    public SlackInteractionResource(SlackInteractions interactions, ObjectMapper mapper) {
        this(interactions.signature(), interactions::handle, mapper);
    }

    SlackInteractionResource(Optional<SlackSignature> verifier, Consumer<BlockActions> handler, ObjectMapper mapper) {
        this.verifier = verifier;
        this.handler = handler;
        this.mapper = mapper;
    }

    /** One interaction: a form with a single {@code payload} field holding the JSON. */
    @POST
    @APIResponse(responseCode = "200", description = "Signed by Slack: the outcome reaches the presser through the "
            + "interaction's response_url")
    @APIResponse(responseCode = "503", description = "No signing secret is configured: nobody can vote in Slack")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response interact(@HeaderParam(SlackSignature.TIMESTAMP_HEADER) String timestamp,
                             @HeaderParam(SlackSignature.SIGNATURE_HEADER) String signature, byte[] body) {
        SlackSignature slack = verifier
                .orElseThrow(() -> Problems.of(Response.Status.SERVICE_UNAVAILABLE, NOT_CONFIGURED));
        byte[] raw = body == null ? new byte[0] : body;
        slack.refusal(timestamp, signature, raw).ifPresent(reason -> {
            throw Problems.of(Response.Status.UNAUTHORIZED, reason);
        });
        BlockActions actions;
        try {
            Optional<String> payload = payloadField(new String(raw, StandardCharsets.UTF_8));
            if (payload.isEmpty()) {
                LOG.warn("A signed Slack interaction carried no payload field: ignored");
                return Response.ok().build();
            }
            actions = mapper.readValue(payload.get(), BlockActions.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Slack signed it, so answering an error would only show the presser a failure icon: log and move on.
            LOG.warnf("A signed Slack interaction is not the form and JSON Rewind reads (%s): ignored",
                    e.getMessage());
            return Response.ok().build();
        }
        if (actions == null) {
            LOG.warn("A signed Slack interaction carried a JSON null payload: ignored");
            return Response.ok().build();
        }
        handler.accept(actions);
        return Response.ok().build();
    }

    /** The URL-decoded value of the form's {@code payload} field. */
    static Optional<String> payloadField(String form) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if ("payload".equals(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
                return Optional.of(URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1),
                        StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
