package dev.rewind.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NulFreeStringsTest {

    record Body(String reason, Map<String, String> labels, List<String> items) {
    }

    private final ObjectMapper mapper = mapper();

    @Test
    void readsOrdinaryStringsAsJacksonDoes() throws JsonProcessingException {
        Body body = mapper.readValue("{\"reason\":\"déjà vu\",\"labels\":{\"a\":\"b\"},\"items\":[\"x\", 5]}",
                Body.class);

        assertThat(body).isEqualTo(new Body("déjà vu", Map.of("a", "b"), List.of("x", "5")));
    }

    @Test
    void aNulCharacterInAStringIsA400NamingTheField() {
        assertThat(problem("{\"reason\":\"before\\u0000after\"}").getDetail())
                .contains("reason: is invalid: must not contain the NUL character");
        assertThat(problem("{\"labels\":{\"service\":\"a\\u0000\"}}").getDetail())
                .contains("labels.service: is invalid: must not contain the NUL character");
        assertThat(problem("{\"items\":[\"ok\",\"\\u0000\"]}").getDetail())
                .contains("items[1]: is invalid: must not contain the NUL character");
    }

    @Test
    void aNulCharacterInAFieldNameIsA400() {
        HttpProblem problem = problem("{\"labels\":{\"ser\\u0000vice\":\"a\"}}");

        assertThat(problem.getStatusCode()).isEqualTo(400);
        assertThat(problem.getDetail()).contains("labels").contains("NUL character");
    }

    @Test
    void aNulCharacterInAQueryOrPathParameterIsA400NamingIt() {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add("q", "a\0b");
        query.add("limit", "5");
        MultivaluedMap<String, String> path = new MultivaluedHashMap<>();
        path.add("id", "\0");

        HttpProblem problem = NulFreeStrings.problem(query, path).orElseThrow();

        assertThat(problem.getStatusCode()).isEqualTo(400);
        assertThat(problem.getDetail()).contains("q: must not contain the NUL character (%00)")
                .contains("id: must not contain").doesNotContain("limit");
    }

    @Test
    void parametersWithoutANulCharacterPass() {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add("q", "déjà vu");

        assertThat(NulFreeStrings.problem(query, new MultivaluedHashMap<>())).isEmpty();
    }

    private HttpProblem problem(String json) {
        JsonProcessingException failure = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(json, Body.class));
        assertThat(failure).as("reading %s", json).isNotNull();
        HttpProblem problem = JsonInputProblems.of(failure);
        assertThat(problem.getStatusCode()).isEqualTo(400);
        return problem;
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new NulFreeStrings().customize(mapper);
        return mapper;
    }
}
