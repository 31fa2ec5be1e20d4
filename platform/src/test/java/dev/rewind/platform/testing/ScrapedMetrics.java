package dev.rewind.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's own {@code /q/metrics}, scraped as Prometheus would, with a sample's value looked up by labels. */
public final class ScrapedMetrics {

    /** A sample: name, labels (values may hold any character), value, and perhaps a timestamp or an exemplar. */
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})?\\s+(\\S+)(\\s.*)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private ScrapedMetrics(String text) {
        this.text = text;
    }

    /** Scrapes {@code /q/metrics} now; fails unless it answers 200. */
    public static ScrapedMetrics scrape() {
        return new ScrapedMetrics(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** A scrape's text, as {@code /q/metrics} answered it. */
    static ScrapedMetrics of(String text) {
        return new ScrapedMetrics(text);
    }

    /** The scrape as Prometheus reads it. */
    public String text() {
        return text;
    }

    /**
     * The sum of the samples of {@code name} whose labels include {@code labels} (others may have more); 0 when none
     * does, as for a counter not incremented yet.
     */
    public double sum(String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(name)
                    && labelsOf(sample.group(3)).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    /** True when a sample of {@code name} with {@code labels} is exported, whatever its value. */
    public boolean has(String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(name)
                    && labelsOf(sample.group(3)).entrySet().containsAll(labels.entrySet())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> labelsOf(String labels) {
        Map<String, String> parsed = new HashMap<>();
        if (labels != null) {
            Matcher label = LABEL.matcher(labels);
            while (label.find()) {
                parsed.put(label.group(1), label.group(2));
            }
        }
        return parsed;
    }
}
