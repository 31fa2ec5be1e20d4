package dev.rewind.platform.probe;

import java.util.Optional;

/** What an HTTP probe expects: a status (or a class of statuses) and, optionally, a text in the body. */
public record HttpExpectation(ExpectedStatus status, Optional<String> bodyContains) {

    private static final int LONGEST_BODY_SHOWN = 200;

    public HttpExpectation(int status, Optional<String> bodyContains) {
        this(ExpectedStatus.exactly(status), bodyContains);
    }

    public static HttpExpectation ok() {
        return new HttpExpectation(200, Optional.empty());
    }

    /** What is wrong with {@code answer} to {@code GET url}, or empty when it is what was expected. */
    public Optional<String> problem(String url, HttpAnswer answer) {
        if (answer.failure().isPresent()) {
            return Optional.of("GET " + url + " got no answer (" + answer.failure().get() + ")");
        }
        if (!status.accepts(answer.status())) {
            return Optional.of("GET " + url + " answered " + answer.status() + ", expected " + status + body(answer));
        }
        if (bodyContains.isPresent() && !answer.body().contains(bodyContains.get())) {
            return Optional.of("GET " + url + " answered " + answer.status() + " without '" + bodyContains.get()
                    + "' in its body" + body(answer));
        }
        return Optional.empty();
    }

    private static String body(HttpAnswer answer) {
        String body = answer.body().strip().replaceAll("\\s+", " ");
        if (body.isEmpty()) {
            return "";
        }
        return " (body: '" + (body.length() > LONGEST_BODY_SHOWN ? body.substring(0, LONGEST_BODY_SHOWN) + "..." : body)
                + "')";
    }
}
