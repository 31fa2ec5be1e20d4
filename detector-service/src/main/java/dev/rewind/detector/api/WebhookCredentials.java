package dev.rewind.detector.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The credentials the alert webhooks accept: a bearer token (Alertmanager's {@code http_config.authorization}) and
 * Basic auth ({@code http_config.basic_auth}), compared in constant time. Without any configured, every request is
 * refused, unless anonymous access was switched on explicitly for local development.
 */
public final class WebhookCredentials {

    static final String NONE_CONFIGURED = "the detector has no webhook credentials configured, so it refuses every "
            + "alert: set ALERTMANAGER_TOKEN (or ALERTMANAGER_USERNAME and ALERTMANAGER_PASSWORD) in the detector's "
            + "environment and the same credentials in Alertmanager's http_config";

    private final Optional<byte[]> token;
    private final Optional<byte[]> username;
    private final Optional<byte[]> password;
    private final boolean allowAnonymous;
    private final boolean halfBasic;

    public WebhookCredentials(Optional<String> token, Optional<String> username, Optional<String> password,
                              boolean allowAnonymous) {
        this.token = digest(token);
        boolean hasUsername = username.filter(u -> !u.isBlank()).isPresent();
        boolean hasPassword = password.filter(p -> !p.isBlank()).isPresent();
        this.username = hasUsername && hasPassword ? digest(username) : Optional.empty();
        this.password = hasUsername && hasPassword ? digest(password) : Optional.empty();
        this.allowAnonymous = allowAnonymous;
        this.halfBasic = hasUsername != hasPassword;
    }

    /** Why a request with this Authorization header (null when absent) is refused; empty when it is accepted. */
    public Optional<String> refusal(String authorization) {
        if (allowAnonymous) {
            return Optional.empty();
        }
        if (token.isEmpty() && username.isEmpty()) {
            return Optional.of(NONE_CONFIGURED);
        }
        if (authorization == null || authorization.isBlank()) {
            return Optional.of("missing Authorization header: send " + accepted());
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        String credentials = parts.length > 1 ? parts[1] : "";
        return switch (scheme) {
            case "bearer" -> bearer(credentials);
            case "basic" -> basic(credentials);
            default -> Optional.of("unsupported Authorization scheme '" + parts[0] + "': send " + accepted());
        };
    }

    /** The WWW-Authenticate challenges of a refusal: one per configured scheme. */
    public List<String> challenges() {
        List<String> challenges = new ArrayList<>();
        if (token.isPresent() || username.isEmpty()) {
            challenges.add("Bearer realm=\"rewind\"");
        }
        if (username.isPresent()) {
            challenges.add("Basic realm=\"rewind\", charset=\"UTF-8\"");
        }
        return challenges;
    }

    /** What start-up reports at ERROR: credentials missing or half configured. */
    public List<String> startupErrors() {
        List<String> errors = new ArrayList<>();
        if (halfBasic) {
            errors.add("only one of ALERTMANAGER_USERNAME and ALERTMANAGER_PASSWORD is set, so the webhooks accept "
                    + "no Basic credentials: set both, or neither");
        }
        if (!allowAnonymous && token.isEmpty() && username.isEmpty()) {
            errors.add(NONE_CONFIGURED);
        }
        return errors;
    }

    /** What start-up reports at WARN: nothing is checked. */
    public Optional<String> startupWarning() {
        return allowAnonymous ? Optional.of("alert webhooks accept requests without credentials "
                + "(rewind.detector.webhook.allow-anonymous=true): for local development only; anyone who can reach "
                + "the detector can make Rewind roll back") : Optional.empty();
    }

    private Optional<String> bearer(String given) {
        if (token.isEmpty()) {
            return Optional.of("this webhook takes Basic credentials (ALERTMANAGER_USERNAME and "
                    + "ALERTMANAGER_PASSWORD), not a bearer token");
        }
        return matches(token.get(), given) ? Optional.empty()
                : Optional.of("the bearer token is not the one configured for this webhook (ALERTMANAGER_TOKEN)");
    }

    private Optional<String> basic(String given) {
        if (username.isEmpty()) {
            return Optional.of("this webhook takes a bearer token (ALERTMANAGER_TOKEN), not Basic credentials");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(given), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of("the Basic credentials are not base64 of <username>:<password>");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.of("the Basic credentials are not base64 of <username>:<password>");
        }
        // Both compared, always: which of the two is wrong is not for the caller to learn, nor how long it took.
        boolean user = matches(username.get(), decoded.substring(0, colon));
        boolean pass = matches(password.get(), decoded.substring(colon + 1));
        return user & pass ? Optional.empty()
                : Optional.of("the Basic credentials are not the ones configured for this webhook "
                        + "(ALERTMANAGER_USERNAME and ALERTMANAGER_PASSWORD)");
    }

    private String accepted() {
        List<String> forms = new ArrayList<>();
        token.ifPresent(t -> forms.add("Authorization: Bearer <ALERTMANAGER_TOKEN>"));
        username.ifPresent(u -> forms.add(
                "Authorization: Basic <base64 of ALERTMANAGER_USERNAME:ALERTMANAGER_PASSWORD>"));
        return String.join(" or ", forms);
    }

    /** Digests have one length, so the comparison's time does not even depend on the secret's length. */
    private static boolean matches(byte[] expectedDigest, String given) {
        return MessageDigest.isEqual(expectedDigest, sha256(given));
    }

    private static Optional<byte[]> digest(Optional<String> secret) {
        return secret.filter(s -> !s.isBlank()).map(WebhookCredentials::sha256);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
