package dev.rewind.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

class JsonInputLimitsTest {

    record Vote(String reason) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    {
        new JsonInputLimits(32).customize(mapper);
    }

    @Test
    void aFieldSentTwiceIsA400NotADefinitionError() {
        JsonProcessingException failure = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue("{\"reason\":\"a\",\"reason\":\"b\"}", Vote.class));

        HttpProblem problem = JsonInputProblems.of(failure);

        assertThat(problem.getStatusCode()).isEqualTo(400);
        assertThat(problem.getDetail()).contains("is not valid JSON").contains("Duplicate field 'reason'");
    }

    @Test
    void aDocumentNestedDeeperThanTheLimitIsA400() {
        JsonProcessingException failure = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue("[".repeat(40) + "]".repeat(40), Object.class));

        assertThat(JsonInputProblems.of(failure).getDetail()).contains("more than 32 levels deep");
    }
}
