package dev.rewind.executor.verification;

import java.util.Optional;

/** One check after a rollout finished, as the runbook's "Verification Steps" list them. */
public interface VerificationCheck {

    /** The check's name in reports and in {@code rewind.executor.verification.checks}. */
    String name();

    /** The check's result; empty when it is not configured for this target (then it is not reported). */
    Optional<CheckResult> run(VerificationTarget target);
}
