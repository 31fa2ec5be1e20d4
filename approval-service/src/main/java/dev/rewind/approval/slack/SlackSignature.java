package dev.rewind.approval.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature ({@code v0}): {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256, keyed
 * with the app's signing secret, of {@code v0:<X-Slack-Request-Timestamp>:<raw body>}. A request whose timestamp is
 * more than the allowed age from now, either way, is refused as a replay; signatures are compared in constant time.
 */
public final class SlackSignature {

    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    private static final String VERSION = "v0";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration maxAge;

    public SlackSignature(String signingSecret, Clock clock, Duration maxAge) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("a Slack signing secret is needed to verify Slack's requests");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Why a request with these headers (null when absent) and this raw body is refused; empty when it is Slack's. */
    public Optional<String> refusal(String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Optional.of("missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER + ": this endpoint accepts "
                    + "only requests Slack signed for the Rewind app");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of(TIMESTAMP_HEADER + " '" + timestamp + "' is not a Unix time in seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - sentAt);
        if (skew > maxAge.toSeconds()) {
            return Optional.of(TIMESTAMP_HEADER + " is " + skew + " s away from Rewind's clock, more than the "
                    + maxAge.toSeconds() + " s allowed (rewind.approval.slack.max-request-age): a replayed request, "
                    + "or a clock out of sync (check NTP on Rewind's hosts)");
        }
        byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(SIGNATURE_HEADER + " does not match the body: the request was altered, or "
                    + "REWIND_SLACK_SIGNING_SECRET is not this Slack app's signing secret (Basic Information > "
                    + "App Credentials)");
        }
        return Optional.empty();
    }

    /** The {@code X-Slack-Signature} Slack sends for {@code body} at {@code timestamp}. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + HMAC, e);
        }
    }
}
