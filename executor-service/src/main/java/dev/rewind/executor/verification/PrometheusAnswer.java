package dev.rewind.executor.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An answer of Prometheus' instant query API ({@code /api/v1/query}): the samples of a vector or scalar result, or
 * why there are none; and whether they keep a {@link Threshold}.
 *
 * @param failure why the answer holds no usable result (Prometheus' error, a range vector, not JSON)
 */
public record PrometheusAnswer(List<Sample> samples, Optional<String> failure) {

    /** One sample: the series' labels and its value. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 5;

    /** Reads Prometheus' answer {@code body} with HTTP status {@code status}. */
    public static PrometheusAnswer parse(int status, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return failed("Prometheus answered " + status + " with no JSON" + excerpt(body));
        }
        if (!"success".equals(root.path("status").asText())) {
            return failed("Prometheus answered " + status + ": " + root.path("errorType").asText("error") + ": "
                    + root.path("error").asText("no message"));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        return switch (type) {
            case "vector" -> {
                List<Sample> samples = new ArrayList<>();
                for (JsonNode series : result) {
                    Map<String, String> labels = new TreeMap<>();
                    series.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                    samples.add(new Sample(labels, value(series.path("value").path(1).asText())));
                }
                yield new PrometheusAnswer(samples, Optional.empty());
            }
            case "scalar" -> new PrometheusAnswer(List.of(new Sample(Map.of(), value(result.path(1).asText()))),
                    Optional.empty());
            default -> failed("the query's result is a " + (type.isEmpty() ? "missing" : type) + ", not an instant "
                    + "vector or scalar: write an instant query (no range selector [..] at its top)");
        };
    }

    /** Passes when there is at least one sample and every sample keeps {@code threshold}. */
    public CheckResult judge(String query, Threshold threshold) {
        String name = MetricsCheck.NAME;
        if (failure.isPresent()) {
            return CheckResult.failed(name, "query '" + query + "' failed: " + failure.get());
        }
        if (samples.isEmpty()) {
            return CheckResult.failed(name, "query '" + query + "' returned no data (an empty vector): the service's "
                    + "metrics are not scraped, or the query's labels do not match them; check it in Prometheus");
        }
        List<String> outside = samples.stream().filter(s -> !threshold.accepts(s.value()))
                .map(PrometheusAnswer::describe).toList();
        if (!outside.isEmpty()) {
            return CheckResult.failed(name, "query '" + query + "': " + outside.size() + " of " + samples.size()
                    + " samples not " + threshold + ": " + String.join(", ", outside.stream().limit(SHOWN).toList())
                    + (outside.size() > SHOWN ? ", ..." : "") + ": the service is not back to its baseline");
        }
        return CheckResult.passed(name, "query '" + query + "': " + (samples.size() == 1
                ? describe(samples.get(0)) : "all " + samples.size() + " samples") + " " + threshold);
    }

    private static String describe(Sample sample) {
        String value = Double.isNaN(sample.value()) ? "NaN (no data to compute it from, e.g. no requests)"
                : String.valueOf(sample.value());
        return (sample.labels().isEmpty() ? "" : sample.labels() + " ") + value;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }

    private static PrometheusAnswer failed(String why) {
        return new PrometheusAnswer(List.of(), Optional.of(why));
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return " ('" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + "')";
    }
}
