package dev.rewind.detector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rewind.platform.http.FieldViolation;
import io.quarkiverse.resteasy.problem.HttpProblem;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;

/** Assertions on the problems the source adapters throw. */
final class SourceProblems {

    private SourceProblems() {
    }

    /** The violations of the problem {@code call} throws, after checking its status. */
    @SuppressWarnings("unchecked")
    static List<FieldViolation> refused(int status, ThrowableAssert.ThrowingCallable call) {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class, call);
        assertThat(problem).as("a problem is thrown").isNotNull();
        assertThat(problem.getStatusCode()).isEqualTo(status);
        return (List<FieldViolation>) problem.getParameters().get("violations");
    }
}
