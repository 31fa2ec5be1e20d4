package dev.rewind.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Hands a {@code @QuarkusTest}'s service the key and issuer of {@link TestTokens}, the tests' identity provider. */
public class TestTokensResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestTokens.configuration();
    }

    @Override
    public void stop() {
    }
}
