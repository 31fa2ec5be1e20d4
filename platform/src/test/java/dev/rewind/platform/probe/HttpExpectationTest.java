package dev.rewind.platform.probe;

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
    void aClassOfStatusesAcceptsEachOfItsCodesOnly() {
        HttpExpectation anySuccess = new HttpExpectation(ExpectedStatus.parse("2xx"), Optional.empty());

        assertThat(anySuccess.problem(URL, HttpAnswer.of(200, ""))).isEmpty();
        assertThat(anySuccess.problem(URL, HttpAnswer.of(299, ""))).isEmpty();
        assertThat(anySuccess.problem(URL, HttpAnswer.of(301, "")))
                .hasValue("GET http://checkout.shop/health answered 301, expected 2xx");
        assertThat(anySuccess.problem(URL, HttpAnswer.of(199, ""))).isPresent();
    }

    @Test
    void noAnswerIsAProblemWithItsReason() {
        assertThat(HttpExpectation.ok().problem(URL, HttpAnswer.none("ConnectException: Connection refused")))
                .hasValue("GET http://checkout.shop/health got no answer (ConnectException: Connection refused)");
    }

    @Test
    void noAnswerIsNamedByItsRootCause() {
        var refused = new RuntimeException("wrapped", new java.net.ConnectException("Connection refused"));

        assertThat(HttpExpectation.ok().problem(URL, HttpAnswer.none(refused)))
                .hasValue("GET http://checkout.shop/health got no answer (ConnectException: Connection refused)");
    }
}
