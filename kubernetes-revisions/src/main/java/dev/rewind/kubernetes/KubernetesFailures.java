package dev.rewind.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;

/** Tells a Kubernetes API failure that may pass (timeouts, throttling, an API server restarting) from a final one. */
public final class KubernetesFailures {

    private KubernetesFailures() {
    }

    /** True for I/O failures and HTTP 408, 429 and 5xx answers; false for 4xx such as 403, 404, 409 and 422. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k8s && k8s.getCode() > 0) {
                int code = k8s.getCode();
                return code == 408 || code == 429 || code >= 500;
            }
            if (t instanceof IOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
