package dev.rewind.detector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/** The monitoring sources other than Alertmanager: each one's credentials and where its payload names the target. */
@ConfigMapping(prefix = "rewind.detector.sources")
public interface SourcesConfig {

    Grafana grafana();

    Datadog datadog();

    @WithName("newrelic")
    NewRelic newRelic();

    /** What one source's webhook must send; secrets come from the environment only. */
    interface Credentials {
        Optional<String> bearerToken();

        Optional<String> username();

        Optional<String> password();

        /** Accepts requests without credentials: for local development only, logged at WARN at start-up. */
        @WithDefault("false")
        boolean allowAnonymous();
    }

    /** Grafana's webhook contact point: Alertmanager's labels, read as {@code rewind.detector.labels.*} say. */
    interface Grafana extends Credentials {
        /**
         * The query or expression (refId, e.g. B) whose entry of the alert's {@code values} is the measured value,
         * when the alert has no value annotation; absent: only the annotation is read.
         */
        Optional<String> valueRef();
    }

    /** Datadog's webhook integration: the target and the signal come from the monitor's tags. */
    interface Datadog extends Credentials {
        Tags tags();

        /** Names of the Datadog tags ({@code name:value}) carrying what Rewind needs. */
        interface Tags {
            @WithDefault("env")
            String environment();

            @WithDefault("kube_namespace")
            String namespace();

            @WithDefault("service")
            String service();

            /** Tag naming the decision-matrix signal explicitly (error-rate, latency, ...). */
            @WithDefault("rewind_signal")
            String signal();

            /** Tag with the running version (image tag). */
            @WithDefault("version")
            String version();
        }
    }

    /** New Relic's workflow webhook: its default template names impacted entities, not Kubernetes targets. */
    interface NewRelic extends Credentials {
        /**
         * Impacted entity name to the target it stands for, {@code <environment>/<namespace>/<service>}, e.g.
         * {@code rewind.detector.sources.newrelic.entities."checkout (prod)"=production/payments/checkout}.
         */
        Map<String, String> entities();
    }
}
