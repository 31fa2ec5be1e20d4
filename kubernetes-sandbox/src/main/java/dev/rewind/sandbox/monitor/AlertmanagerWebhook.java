package dev.rewind.sandbox.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts alerts to a webhook in Alertmanager's format (version 4), one alert per notification, as an Alertmanager
 * route with {@code group_by: ['...']} would.
 */
public final class AlertmanagerWebhook {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEVER = "0001-01-01T00:00:00Z";

    private final URI url;
    private final String bearerToken;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    AlertmanagerWebhook(URI url, String bearerToken) {
        this.url = url;
        this.bearerToken = bearerToken;
    }

    /** Posts {@code alert}; returns the HTTP status (2xx: accepted), or throws when the webhook cannot be reached. */
    int post(AlertNotification alert) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload(alert)));
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The Alertmanager webhook payload carrying {@code alert} alone (the detector's tests check it is accepted). */
    public static String payload(AlertNotification alert) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "4");
        root.put("groupKey", "{}:{alertname=\"" + alert.labels().get("alertname") + "\",fingerprint=\""
                + alert.fingerprint() + "\"}");
        root.put("truncatedAlerts", 0);
        root.put("status", alert.status());
        root.put("receiver", "rewind");
        root.putObject("groupLabels").put("alertname", alert.labels().get("alertname"));
        ObjectNode commonLabels = root.putObject("commonLabels");
        alert.labels().forEach(commonLabels::put);
        ObjectNode commonAnnotations = root.putObject("commonAnnotations");
        alert.annotations().forEach(commonAnnotations::put);
        root.put("externalURL", "http://sandbox-monitor.local");
        ArrayNode alerts = root.putArray("alerts");
        ObjectNode one = alerts.addObject();
        one.put("status", alert.status());
        ObjectNode labels = one.putObject("labels");
        alert.labels().forEach(labels::put);
        ObjectNode annotations = one.putObject("annotations");
        alert.annotations().forEach(annotations::put);
        one.put("startsAt", alert.startsAt().toString());
        one.put("endsAt", alert.endsAt() == null ? NEVER : alert.endsAt().toString());
        one.put("generatorURL", "http://sandbox-monitor.local/rules#" + alert.labels().get("alertname"));
        one.put("fingerprint", alert.fingerprint());
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
