package dev.rewind.system;

import dev.rewind.platform.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The console as the dev stack runs it, for the packaged postmortem service: its development sign-in on, with the
 * tests' identity provider's private key, so that tests and browsers sign in as anyone with any role.
 */
public final class DevConsole {

    /** The cookie of a development session, and the claim that marks one. */
    public static final String COOKIE = "rewind_dev_session";
    private static final String CLAIM = "rewind_dev_session";

    private DevConsole() {
    }

    /** The postmortem service's environment for it (the key written to {@code target/console-dev-key.pem}). */
    public static Map<String, String> environment() {
        try {
            Path key = Files.createDirectories(Path.of("target")).resolve("console-dev-key.pem").toAbsolutePath();
            Files.writeString(key, TestTokens.privateKeyPem());
            return Map.of("REWIND_CONSOLE_SIGN_IN", "dev-session", "REWIND_CONSOLE_DEV_SIGN_IN", "true",
                    "REWIND_CONSOLE_DEV_KEY", key.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A development session for {@code name} holding {@code roles}, as the sign-in mints it. */
    public static String session(String name, String... roles) {
        return TestTokens.tokenWithClaim(CLAIM, true, name, roles);
    }
}
