package dev.rewind.sandbox.apps;

import java.util.Locale;
import java.util.Map;

/**
 * The demo applications' metrics in Prometheus' text exposition format, one series set per application, labelled
 * with its namespace and Deployment, so that a real Prometheus can scrape the sandbox (docs/drill.md).
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** Renders {@code apps}' counters and gauges. */
    public static String render(Map<DemoApps.AppId, DemoTraffic> apps) {
        StringBuilder text = new StringBuilder();
        text.append("# HELP http_requests_total Requests the demo application served, by version and status code.\n")
                .append("# TYPE http_requests_total counter\n");
        apps.forEach((id, traffic) -> traffic.served().forEach((version, served) -> {
            series(text, "http_requests_total", id, version, "200", served.requests() - served.errors());
            series(text, "http_requests_total", id, version, "500", served.errors());
        }));
        text.append("# HELP demo_request_duration_p99_seconds Latency of the slowest 1% of requests now.\n")
                .append("# TYPE demo_request_duration_p99_seconds gauge\n");
        apps.forEach((id, traffic) -> text.append(String.format(Locale.ROOT,
                "demo_request_duration_p99_seconds{namespace=\"%s\",deployment=\"%s\"} %.3f%n",
                id.namespace(), id.deployment(), traffic.p99Seconds())));
        text.append("# HELP demo_health_up Whether the application's health check passes (1) or fails (0).\n")
                .append("# TYPE demo_health_up gauge\n");
        apps.forEach((id, traffic) -> text.append(String.format(Locale.ROOT,
                "demo_health_up{namespace=\"%s\",deployment=\"%s\"} %d%n",
                id.namespace(), id.deployment(), traffic.healthy() ? 1 : 0)));
        return text.toString();
    }

    private static void series(StringBuilder text, String name, DemoApps.AppId id, String version, String code,
                               long value) {
        text.append(String.format(Locale.ROOT,
                "%s{namespace=\"%s\",deployment=\"%s\",version=\"%s\",code=\"%s\"} %d%n",
                name, id.namespace(), id.deployment(), version.replace("\"", ""), code, value));
    }
}
