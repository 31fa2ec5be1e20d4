package dev.rewind.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in identity provider for tests: an RSA key pair made once per JVM (no key is ever committed), its public key
 * and issuer handed to the service as configuration ({@link TestTokensResource}, or {@link #environment()} for a
 * process), and JWT bearer tokens signed with its private key.
 */
public final class TestTokens {

    public static final String ISSUER = "https://idp.rewind.test";
    public static final String AUDIENCE = "rewind";

    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();

    private TestTokens() {
    }

    /**
     * The service's token settings, as configuration properties: smallrye-jwt's, and quarkus-oidc's for the service
     * that verifies tokens with it (the postmortem service); each service reads its own.
     */
    public static Map<String, String> configuration() {
        return Map.of("mp.jwt.verify.publickey", publicKeyPem(), "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE, "quarkus.oidc.public-key", publicKeyBody(),
                "quarkus.oidc.token.issuer", ISSUER, "quarkus.oidc.token.audience", AUDIENCE);
    }

    /**
     * The same settings as environment variables, for a packaged service run as a process (the postmortem service
     * with bearer tokens only: there is no provider to sign in with).
     */
    public static Map<String, String> environment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY", publicKeyPem(), "REWIND_OIDC_PUBLIC_KEY", publicKeyBody(),
                "REWIND_OIDC_APPLICATION_TYPE", "service", "REWIND_JWT_ISSUER", ISSUER, "REWIND_JWT_AUDIENCE", AUDIENCE);
    }

    /** The private key the tokens are signed with, as a PEM file's text: a console's development sign-in reads it. */
    public static String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A valid token for {@code name} holding {@code roles}. */
    public static String token(String name, String... roles) {
        return claims(name, roles).expiresIn(Duration.ofMinutes(10)).sign(KEYS.getPrivate());
    }

    /** A valid token for {@code name} holding {@code roles}, with one more claim. */
    public static String tokenWithClaim(String claim, Object value, String name, String... roles) {
        return claims(name, roles).claim(claim, value).expiresIn(Duration.ofMinutes(10)).sign(KEYS.getPrivate());
    }

    /** A token that expired ten minutes ago (beyond any clock skew allowance). */
    public static String expiredToken(String name, String... roles) {
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        return claims(name, roles).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(10))).sign(KEYS.getPrivate());
    }

    /** A token from another issuer, signed with the right key. */
    public static String tokenFromIssuer(String issuer, String name, String... roles) {
        return claims(name, roles).issuer(issuer).expiresIn(Duration.ofMinutes(10)).sign(KEYS.getPrivate());
    }

    /** A token minted for another application of the same identity provider. */
    public static String tokenForAudience(String audience, String name, String... roles) {
        return claims(name, roles).audience(audience).expiresIn(Duration.ofMinutes(10)).sign(KEYS.getPrivate());
    }

    /** A well-formed token signed by a key the service does not trust. */
    public static String tokenSignedByStranger(String name, String... roles) {
        return claims(name, roles).expiresIn(Duration.ofMinutes(10)).sign(STRANGER.getPrivate());
    }

    private static JwtClaimsBuilder claims(String name, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(name).subject(name).groups(Set.of(roles));
    }

    private static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }


    private static String publicKeyBody() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
