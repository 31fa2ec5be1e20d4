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
 * The credentials one alert source's webhook accepts: a bearer token (Alertmanager's
 * {@code http_config.authorization}) and Basic auth ({@code http_config.basic_auth}), compared in constant time.
 * Without any configured, every request is refused, unless anonymous access was switched on explicitly for local
 * development. Messages name the source's environment variables ({@code <PREFIX>_TOKEN}, ...).
 */
public final class WebhookCredentials {

    /**
     * How a source is named in messages.
     *
     * @param name the monitoring system, as its operators call it (Grafana)
     * @param variables the prefix of the environment variables holding its secrets (REWIND_GRAFANA)
     * @param allowAnonymousKey the configuration key switching anonymous access on
     * @param expected whether a deployment without its credentials is a mistake (an ERROR at start-up) rather than a
     *                 source not in use (said at INFO)
     */
    public record Source(String name, String variables, String allowAnonymousKey, boolean expected) {
        /** Alertmanager: the source every deployment is expected to use. */
        public static final Source ALERTMANAGER =
                new Source("Alertmanager", "ALERTMANAGER", "rewind.detector.webhook.allow-anonymous", true);
    }

    private final String source;
    private final String variables;
    private final String allowAnonymousKey;
    private final boolean expected;
    private final Optional<byte[]> token;
    private final Optional<byte[]> username;
    private final Optional<byte[]> password;
    private final boolean allowAnonymous;
    private final boolean halfBasic;

    /** Alertmanager's credentials, from ALERTMANAGER_TOKEN, ALERTMANAGER_USERNAME and ALERTMANAGER_PASSWORD. */
    public WebhookCredentials(Optional<String> token, Optional<String> username, Optional<String> password,
                              boolean allowAnonymous) {
        this(Source.ALERTMANAGER, token, username, password, allowAnonymous);
    }

    public WebhookCredentials(Source source, Optional<String> token, Optional<String> username,
                              Optional<String> password, boolean allowAnonymous) {
        this.source = source.name();
        this.variables = source.variables();
        this.allowAnonymousKey = source.allowAnonymousKey();
        this.expected = source.expected();
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
        if (!isConfigured()) {
            return Optional.of(noneConfigured());
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
            errors.add("only one of " + variables + "_USERNAME and " + variables + "_PASSWORD is set, so the "
                    + source + " webhook accepts no Basic credentials: set both, or neither");
        }
        if (expected && !allowAnonymous && !isConfigured()) {
            errors.add(noneConfigured());
        }
        return errors;
    }

    /** What start-up reports at INFO: a source not expected everywhere has no credentials, so it is off. */
    public Optional<String> startupNotice() {
        return !expected && !allowAnonymous && !isConfigured() ? Optional.of(noneConfigured()) : Optional.empty();
    }

    /** True when a token or a complete Basic pair is configured. */
    public boolean isConfigured() {
        return token.isPresent() || username.isPresent();
    }

    private String noneConfigured() {
        return "the detector has no webhook credentials configured for " + source + ", so it refuses every alert "
                + "from it: set " + variables + "_TOKEN (or " + variables + "_USERNAME and " + variables
                + "_PASSWORD) in the detector's environment and the same credentials in " + source
                + "'s webhook settings";
    }

    /** What start-up reports at WARN: nothing is checked. */
    public Optional<String> startupWarning() {
        return allowAnonymous ? Optional.of("the " + source + " webhook accepts requests without credentials ("
                + allowAnonymousKey + "=true): for local development only; anyone who can reach the detector can "
                + "make Rewind roll back") : Optional.empty();
    }

    private Optional<String> bearer(String given) {
        if (token.isEmpty()) {
            return Optional.of("this webhook takes Basic credentials (" + variables + "_USERNAME and " + variables
                    + "_PASSWORD), not a bearer token");
        }
        return matches(token.get(), given) ? Optional.empty()
                : Optional.of("the bearer token is not the one configured for this webhook (" + variables
                        + "_TOKEN)");
    }

    private Optional<String> basic(String given) {
        if (username.isEmpty()) {
            return Optional.of("this webhook takes a bearer token (" + variables + "_TOKEN), not Basic credentials");
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
                : Optional.of("the Basic credentials are not the ones configured for this webhook ("
                        + variables + "_USERNAME and " + variables + "_PASSWORD)");
    }

    private String accepted() {
        List<String> forms = new ArrayList<>();
        token.ifPresent(t -> forms.add("Authorization: Bearer <" + variables + "_TOKEN>"));
        username.ifPresent(u -> forms.add("Authorization: Basic <base64 of " + variables + "_USERNAME:" + variables
                + "_PASSWORD>"));
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
