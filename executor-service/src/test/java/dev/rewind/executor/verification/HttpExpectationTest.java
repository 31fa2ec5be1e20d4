package dev.rewind.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpExpectationTest {

    private static final String URL = "http://checkout.shop/health";

    @Test
    void theExpectedStatusAndTextPass() {
        assertThat(HttpExpectation.ok().problem(URL, HttpAnswer.of(200, "UP"))).isEmpty();
        assertThat(new HttpExpectation(204, Optional.empty()).problem(URL, HttpAnswer.of(204, ""))).isEmpty();
        assertThat(new HttpExpectation(200, Optional.of("Add to cart")).problem(URL,
                HttpAnswer.of(200, "<button>Add to cart</button>"))).isEmpty();
    }

    @Test
    void anotherStatusIsAProblemShownWithTheStartOfTheBody() {
        assertThat(HttpExpectation.ok().problem(URL, HttpAnswer.of(503, "{\n  \"status\": \"DOWN\"\n}")))
                .hasValue("GET http://checkout.shop/health answered 503, expected 200 (body: '{ \"status\": \"DOWN\" }')");
        assertThat(HttpExpectation.ok().problem(URL, HttpAnswer.of(500, "x".repeat(300))).orElseThrow())
                .endsWith("x".repeat(200) + "...')");
    }

    @Test
    void aMissingTextIsAProblem() {
        assertThat(new HttpExpectation(200, Optional.of("Add to cart")).problem(URL, HttpAnswer.of(200, "Sorry")))
                .hasValue("GET http://checkout.shop/health answered 200 without 'Add to cart' in its body (body: "
                        + "'Sorry')");
    }

    @Test
    void noAnswerIsAProblemWithItsReason() {
        assertThat(HttpExpectation.ok().problem(URL, HttpAnswer.none("ConnectException: Connection refused")))
                .hasValue("GET http://checkout.shop/health got no answer (ConnectException: Connection refused)");
    }
}
