package dev.rewind.detector.service;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A rollback a person asks for by hand.
 *
 * @param requester the person, as their token names them (never as the request body does)
 * @param toRevision the revision to return to, or null for the previous one
 */
public record ManualRequest(String requester, TargetKey target, Severity severity, String reason,
                            Integer toRevision) {

    /** A digest of what is asked, to tell a retry (same digest) from an Idempotency-Key reused for something else. */
    public String digest() {
        String canonical = String.join("\n", requester, target.toString(), severity.name(), reason,
                String.valueOf(toRevision));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
