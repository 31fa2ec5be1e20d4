package dev.rewind.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusAnswerTest {

    private static final String QUERY = "job:http_errors:ratio_rate2m{service=\"checkout\"}";
    private static final Threshold BELOW_5_PERCENT = Threshold.parse("< 0.05");

    @Test
    void readsAVectorsSamplesWithTheirLabels() {
        PrometheusAnswer answer = PrometheusAnswer.parse(200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"pod":"checkout-a","service":"checkout"},"value":[1700000000.5,"0.01"]},
                  {"metric":{"pod":"checkout-b","service":"checkout"},"value":[1700000000.5,"0.2"]}]}}""");

        assertThat(answer.samples()).containsExactly(
                new PrometheusAnswer.Sample(Map.of("pod", "checkout-a", "service", "checkout"), 0.01),
                new PrometheusAnswer.Sample(Map.of("pod", "checkout-b", "service", "checkout"), 0.2));
        assertThat(answer.judge(QUERY, BELOW_5_PERCENT)).isEqualTo(CheckResult.failed("metrics", "query '" + QUERY
                + "': 1 of 2 samples not < 0.05: {pod=checkout-b, service=checkout} 0.2: the service is not back to "
                + "its baseline"));
    }

    @Test
    void passesWhenEverySampleKeepsTheThreshold() {
        PrometheusAnswer answer = PrometheusAnswer.parse(200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{},"value":[1700000000,"0.001"]}]}}""");

        assertThat(answer.judge(QUERY, BELOW_5_PERCENT))
                .isEqualTo(CheckResult.passed("metrics", "query '" + QUERY + "': 0.001 < 0.05"));
    }

    @Test
    void readsAScalar() {
        PrometheusAnswer answer = PrometheusAnswer.parse(200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"0.5\"]}}");

        assertThat(answer.samples()).singleElement().extracting(PrometheusAnswer.Sample::value).isEqualTo(0.5);
    }

    @Test
    void anEmptyVectorIsNoDataAndFails() {
        PrometheusAnswer answer = PrometheusAnswer.parse(200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

        CheckResult result = answer.judge(QUERY, BELOW_5_PERCENT);

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).isEqualTo("query '" + QUERY + "' returned no data (an empty vector): the "
                + "service's metrics are not scraped, or the query's labels do not match them; check it in Prometheus");
    }

    @Test
    void aRatioWithoutTrafficIsNaNAndFailsSayingSo() {
        PrometheusAnswer answer = PrometheusAnswer.parse(200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{},"value":[1700000000,"NaN"]}]}}""");

        assertThat(answer.judge(QUERY, BELOW_5_PERCENT).detail()).contains("NaN (no data to compute it from");
    }

    @Test
    void prometheusErrorsAndOtherResultsFailWithTheirReason() {
        assertThat(PrometheusAnswer.parse(400, """
                {"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected \\"}\\""}""")
                .judge(QUERY, BELOW_5_PERCENT).detail())
                .isEqualTo("query '" + QUERY + "' failed: Prometheus answered 400: bad_data: 1:5: parse error: "
                        + "unexpected \"}\"");
        assertThat(PrometheusAnswer.parse(200, """
                {"status":"success","data":{"resultType":"matrix","result":[]}}""").failure())
                .hasValueSatisfying(why -> assertThat(why).startsWith("the query's result is a matrix"));
        assertThat(PrometheusAnswer.parse(502, "<html>Bad Gateway</html>").failure())
                .hasValue("Prometheus answered 502 with no JSON ('<html>Bad Gateway</html>')");
    }

    @Test
    void infinitiesAreNumbers() {
        PrometheusAnswer answer = PrometheusAnswer.parse(200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{},"value":[1,"+Inf"]},{"metric":{},"value":[1,"-Inf"]}]}}""");

        assertThat(answer.samples()).extracting(PrometheusAnswer.Sample::value)
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }
}
