package dev.rewind.system.faults;

import dev.rewind.system.DevConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends the hostile corpus to one endpoint and judges each answer: a 4xx with Content-Type application/problem+json
 * (or, for a parameter that merely matches nothing, a 2xx), never a 5xx, never no answer. The console's pages answer
 * people: a page saying what is wrong, a redirect or any 4xx will do, never a 5xx. Returns one line per wrong
 * answer, saying what was sent and what came back.
 */
final class HostileRequests {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final FaultLab lab;
    private final String personToken;
    private final String consoleSession;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private int sent;
    private int bareRefusals;

    HostileRequests(FaultLab lab, String personToken, String consoleSession) {
        this.lab = lab;
        this.personToken = personToken;
        this.consoleSession = consoleSession;
    }

    int sent() {
        return sent;
    }

    /** Malformed URLs Vert.x refused with a bare 400 before any application code. */
    int bareRefusals() {
        return bareRefusals;
    }

    /** The body corpus against an endpoint that reads a body. */
    List<String> bodies(HttpEndpoint endpoint) {
        boolean slack = endpoint.credentials() == HttpEndpoint.Credentials.SLACK_SIGNATURE;
        List<String> failures = new ArrayList<>();
        List<HostileBodies.Body> corpus = endpoint.page() ? HostileBodies.formCorpus(endpoint.body())
                : HostileBodies.corpus(endpoint.body(), endpoint.freeText(),
                        slack ? "application/x-www-form-urlencoded" : "application/json");
        for (HostileBodies.Body body : corpus) {
            byte[] bytes = slack ? slackForm(body.bytes()) : body.bytes();
            HttpRequest.BodyPublisher publisher = body.chunked()
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                    : HttpRequest.BodyPublishers.ofByteArray(bytes);
            // Not with Expect: 100-continue, as curl sends a large body: Java 17's client then waits forever for a
            // refusal that is not a 100. A refusal before the body is read may therefore reach it as a closed
            // connection, and send() tries again once.
            HttpRequest.Builder request = request(endpoint, endpoint.path()).method(endpoint.method(), publisher);
            if (body.contentType() != null) {
                request.header("Content-Type", body.contentType());
            }
            if (slack) {
                String timestamp = String.valueOf(Instant.now().getEpochSecond());
                request.header("X-Slack-Request-Timestamp", timestamp)
                        .header("X-Slack-Signature", slackSignature(timestamp, bytes));
            }
            judge(endpoint, "body '" + body.name() + "'", request.build(),
                    endpoint.answersOkWhenSigned() || body.validContent())
                    .ifPresent(failures::add);
        }
        return failures;
    }

    /** The parameter corpus against each path and query parameter of an endpoint that reads no body. */
    List<String> parameters(HttpEndpoint endpoint) {
        List<String> failures = new ArrayList<>();
        String plain = endpoint.path().replace("{id}", UUID.randomUUID().toString())
                .replace("{position}", "999999999");
        for (String value : HostileParameters.VALUES) {
            if (!plain.equals(endpoint.path())) {
                String path = endpoint.path().replace("{id}", value).replace("{position}", value);
                send(endpoint, "path parameter '" + value + "'", path).ifPresent(failures::add);
            }
            for (String parameter : endpoint.parameters()) {
                send(endpoint, "query parameter " + parameter + "=" + value, plain + "?" + parameter + "=" + value)
                        .ifPresent(failures::add);
            }
        }
        return failures;
    }

    private Optional<String> send(HttpEndpoint endpoint, String what, String pathAndQuery) {
        HttpRequest.Builder request;
        try {
            request = request(endpoint, pathAndQuery);
        } catch (IllegalArgumentException unsendable) {
            // java.net.URI refuses broken percent-encodings outright: send those over a socket of our own.
            return rawGet(endpoint, what, pathAndQuery);
        }
        HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();
        return judge(endpoint, what, request.method(endpoint.method(), none).build(), true);
    }

    private HttpRequest.Builder request(HttpEndpoint endpoint, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lab.url(endpoint.service()) + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        switch (endpoint.credentials()) {
            case WEBHOOK_TOKEN -> request.header("Authorization", "Bearer " + FaultLab.WEBHOOK_TOKEN);
            case PERSON_TOKEN -> request.header("Authorization", "Bearer " + personToken);
            case CONSOLE_SESSION -> request.header("Cookie", DevConsole.COOKIE + "=" + consoleSession)
                    .header("HX-Request", "true");
            default -> {
            }
        }
        return request;
    }

    /** A GET written by hand, for a URL java.net.URI will not build; judged like the others. */
    private Optional<String> rawGet(HttpEndpoint endpoint, String what, String pathAndQuery) {
        sent++;
        URI base = URI.create(lab.url(endpoint.service()));
        String authorization = switch (endpoint.credentials()) {
            case WEBHOOK_TOKEN -> "Authorization: Bearer " + FaultLab.WEBHOOK_TOKEN + "\r\n";
            case PERSON_TOKEN -> "Authorization: Bearer " + personToken + "\r\n";
            case CONSOLE_SESSION -> "Cookie: " + DevConsole.COOKIE + "=" + consoleSession + "\r\nHX-Request: true\r\n";
            default -> "";
        };
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((endpoint.method() + " " + pathAndQuery + " HTTP/1.1\r\nHost: "
                    + base.getHost() + "\r\n" + authorization + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = answer.split("\r\n");
            int status = lines.length > 0 && lines[0].length() >= 12 ? Integer.parseInt(lines[0].substring(9, 12)) : 0;
            String type = java.util.Arrays.stream(lines).filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).trim()).findFirst().orElse("none");
            boolean right = (status >= 200 && status < 300) || (status >= 400 && status < 500
                    && (type.startsWith(PROBLEM_JSON) || endpoint.page()));
            if (status == 400 && type.equals("none")) {
                // Vert.x refuses a request line it cannot decode itself, with a bare 400, before Quarkus or Rewind
                // see the request: a client error all the same, never a 5xx, but no problem+json can be had.
                bareRefusals++;
                right = true;
            }
            return right ? Optional.empty() : Optional.of(endpoint.describe() + " with " + what + ": " + status + " "
                    + type + " " + answer.substring(0, Math.min(200, answer.length())).replace("\r\n", " "));
        } catch (IOException | NumberFormatException e) {
            return Optional.of(endpoint.describe() + " with " + what + ": no answer (" + e + ")");
        }
    }

    /** Empty when the answer is right; else what was sent and what came back. */
    private Optional<String> judge(HttpEndpoint endpoint, String what, HttpRequest request, boolean okAllowed) {
        sent++;
        String sentWhat = endpoint.describe() + " with " + what + ": ";
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (IOException e) {
            return Optional.of(sentWhat + "no answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(sentWhat + "interrupted");
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("none");
        boolean clientError = status >= 400 && status < 500 && (type.startsWith(PROBLEM_JSON) || endpoint.page());
        boolean ok = okAllowed && status >= 200 && status < 300 || endpoint.page() && status >= 200 && status < 400;
        if (clientError || ok) {
            return Optional.empty();
        }
        String answer = response.body();
        return Optional.of(sentWhat + status + " " + type + " " + answer.substring(0, Math.min(200,
                answer.length())).replace('\n', ' '));
    }

    /**
     * The answer; once more on a new connection when the pooled one turns out closed (a service closes the
     * connection after refusing a request whose body it did not read, as it should), as HTTP clients do.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException closed) {
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            return fresh.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    /** The body as Slack sends an interaction: a form whose {@code payload} field holds it. */
    private static byte[] slackForm(byte[] payload) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes("payload=".getBytes(StandardCharsets.US_ASCII));
        for (byte b : payload) {
            form.writeBytes(String.format("%%%02X", b & 0xff).getBytes(StandardCharsets.US_ASCII));
        }
        return form.toByteArray();
    }

    private static String slackSignature(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FaultLab.SLACK_SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
