package dev.rewind.approval.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's {@code block_actions} payloads for tests, from the fixture of a real press on Rewind's approval message,
 * and Slack's form encoding and signature, computed here independently of {@link SlackSignature}.
 */
final class SlackPayloads {

    static final ObjectMapper JSON = new ObjectMapper();

    private SlackPayloads() {
    }

    /** The fixture: alice (U024BE7LH) presses Approve on request 2d0b9a74-..., with the reason box empty. */
    static ObjectNode approvePress() {
        try (InputStream in = SlackPayloads.class.getResourceAsStream("/slack/block-actions-approve.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A press by {@code slackUserId} on {@code actionId} about {@code requestId}, with {@code reason} typed. */
    static ObjectNode press(String slackUserId, String actionId, UUID requestId, String reason, String responseUrl) {
        ObjectNode payload = approvePress();
        ((ObjectNode) payload.get("user")).put("id", slackUserId);
        ObjectNode action = (ObjectNode) payload.withArray("actions").get(0);
        action.put("action_id", actionId);
        action.put("value", requestId.toString());
        payload.withObject("/state/values/rewind_reason/rewind_reason").put("value", reason);
        payload.put("response_url", responseUrl);
        return payload;
    }

    /** The body Slack posts: a form with one {@code payload} field. */
    static byte[] form(ObjectNode payload) {
        return ("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body}, as Slack computes it. */
    static String signature(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
