package dev.rewind.executor.verification;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How a rolled-out rollback is verified: which checks run, their patterns, URLs, thresholds and time bounds. */
// Unremovable: Quarkus drops a mapping no bean injects, and its properties would then fail the start as unknown
// (SRCFG00050) in an application where the verifier is unused.
@Unremovable
@ConfigMapping(prefix = "rewind.executor.verification")
public interface VerificationConfig {

    /** The checks run, in this order; a check left out never runs. */
    @WithDefault("pods-ready,endpoints,warning-events,startup-logs,health,smoke,metrics")
    List<String> checks();

    /** How long one check may take (HTTP checks retry within their windows, which must be shorter). */
    @WithDefault("3m")
    Duration checkTimeout();

    StartupLogs startupLogs();

    WarningEvents warningEvents();

    Http http();

    PodsReady podsReady();

    /** The health URL by Deployment name, for Deployments without the annotation {@code rewind.dev/health-url}. */
    Map<String, String> healthUrls();

    /** Optional HTTP probes by name. */
    Map<String, Smoke> smoke();

    Metrics metrics();

    /** The wait for the incident's alerts to resolve. */
    AlertsResolved alertsResolved();

    /**
     * The log lines that count as startup errors in the new pods' logs. Regular expressions in Java syntax, one each:
     * a list would split a pattern at its commas and drop its backslashes.
     */
    interface StartupLogs {

        /**
         * A matching line fails the check. By default: an upper-case ERROR/FATAL/PANIC/CRITICAL/SEVERE level, a JSON
         * or logfmt level of error/fatal/panic/critical, a line starting with error/fatal/panic, an exception or error
         * type followed by its message (Java, Python, JavaScript), a Java thread's uncaught exception and a Python
         * traceback.
         */
        @WithDefault("\\b(ERROR|FATAL|PANIC|CRITICAL|SEVERE)\\b"
                + "|(?i:\\b(level|severity)\"?\\s*[=:]\\s*\"?(error|fatal|panic|critical)\\b)"
                + "|(?i:^\\s*(error|fatal|panic)\\b)"
                + "|\\b\\w*(Exception|Error)(: |$)"
                + "|^Exception in thread "
                + "|^Traceback \\(most recent call last\\)")
        String pattern();

        /** Added to {@link #pattern()}: this service landscape's own startup errors (e.g. {@code ORA-\d+}). */
        Optional<String> extraPattern();

        /** Lines matching this are never startup errors, whatever else they match. */
        Optional<String> ignore();

        /** How many of each container's most recent lines are read. */
        @WithDefault("500")
        int tailLines();
    }

    /** Which warning events do not fail the check. */
    interface WarningEvents {

        /** Event reasons (e.g. {@code Unhealthy}) that do not fail the check. */
        Optional<Set<String>> ignoredReasons();
    }

    /** How long pods-ready looks again until every pod is ready. */
    interface PodsReady {

        @WithDefault("30s")
        Duration retryWindow();

        @WithDefault("2s")
        Duration retryInterval();
    }

    /** The HTTP checks' time bounds (health, smoke and the Prometheus query). */
    interface Http {

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("5s")
        Duration readTimeout();

        /** How long health and smoke probes are retried until they pass: a fresh rollout may need seconds. */
        @WithDefault("30s")
        Duration retryWindow();

        @WithDefault("2s")
        Duration retryInterval();
    }

    /** An HTTP probe: GET {@link #url()} answers {@link #expectStatus()} and contains {@link #bodyContains()}. */
    interface Smoke {

        /** The URL; {namespace}, {service} and {environment} are the target's. */
        String url();

        @WithDefault("200")
        int expectStatus();

        Optional<String> bodyContains();

        /** The Deployment names it applies to; all when unset. */
        Optional<List<String>> services();
    }

    /** The Prometheus query that tells whether the service is back to its baseline. */
    interface Metrics {

        /** Prometheus' base URL; without it no query runs. */
        Optional<String> url();

        /**
         * The instant query (PromQL; {namespace}, {service} and {environment} are the target's), for Deployments
         * without the annotation {@code rewind.dev/verify-query}; without either the check is not configured.
         */
        Optional<String> query();

        /** Every sample of the result must pass it, e.g. {@code < 0.05}; annotation {@code rewind.dev/verify-threshold}. */
        @WithDefault("< 0.05")
        String threshold();

        /** How long the query is repeated until it passes: rates take a while to forget the bad release. */
        @WithDefault("2m")
        Duration window();

        @WithDefault("15s")
        Duration interval();
    }

    /** How long the alerts-resolved check waits for every alert of the incident to resolve, and how often it looks. */
    interface AlertsResolved {

        @WithDefault("2m")
        Duration window();

        @WithDefault("5s")
        Duration interval();
    }
}
