package dev.rewind.executor.verification;

import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A check for tests: a Deployment annotated {@value #ANNOTATION} = {@code throw} makes it throw, {@code hang} makes it
 * hang past any timeout; others are not its concern (not configured).
 */
@Singleton
public class MisbehavingCheck implements VerificationCheck {

    public static final String NAME = "misbehaving";
    public static final String ANNOTATION = "test.rewind.dev/misbehave";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        String behaviour = target.annotation(ANNOTATION).orElse("");
        if (behaviour.equals("throw")) {
            throw new IllegalStateException("the cluster said no");
        }
        if (behaviour.equals("hang")) {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(CheckResult.passed(NAME, "interrupted"));
            }
        }
        return Optional.empty();
    }
}
