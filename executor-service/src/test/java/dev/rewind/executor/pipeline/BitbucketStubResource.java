package dev.rewind.executor.pipeline;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A Bitbucket stand-in for the executor under test: its pipeline method calls this stub with a bearer token. */
public class BitbucketStubResource implements QuarkusTestResourceLifecycleManager {

    /** The token the executor sends. */
    public static final String TOKEN = "executor-test-token";

    /** The running stub, for tests to move runs on and read what was asked. */
    public static BitbucketStub bitbucket;

    @Override
    public Map<String, String> start() {
        bitbucket = BitbucketStub.start();
        bitbucket.expectAuthorization("Bearer " + TOKEN);
        return Map.of("rewind.executor.pipeline.bitbucket.url", bitbucket.url().toString(),
                "rewind.executor.pipeline.bitbucket.token", TOKEN);
    }

    @Override
    public void stop() {
        if (bitbucket != null) {
            bitbucket.close();
        }
    }
}
