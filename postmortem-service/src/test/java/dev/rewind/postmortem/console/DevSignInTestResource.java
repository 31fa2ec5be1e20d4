package dev.rewind.postmortem.console;

import dev.rewind.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Turns the console's development sign-in on, with the tests' identity provider's private key as its key. */
public class DevSignInTestResource implements QuarkusTestResourceLifecycleManager {

    private Path key;

    @Override
    public Map<String, String> start() {
        try {
            key = Files.createTempFile("rewind-dev-key", ".pem");
            Files.writeString(key, TestTokens.privateKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("rewind.console.dev-sign-in.enabled", "true", "rewind.console.dev-sign-in.key", key.toString());
    }

    @Override
    public void stop() {
        try {
            Files.deleteIfExists(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
