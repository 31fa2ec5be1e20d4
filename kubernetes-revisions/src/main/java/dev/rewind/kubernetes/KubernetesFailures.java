package dev.rewind.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

/**
 * Which failures of a Kubernetes API call pass by themselves, so that the call is worth retrying: no answer (time-out,
 * connection refused or reset) and answers 408, 429 or 5xx. Any other answer (404, 403, 409, 422, ...) says something
 * about the request and is final; so is an interrupt (the service is stopping).
 */
public final class KubernetesFailures {

    private static final int REQUEST_TIMEOUT = 408;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVER_ERROR = 500;

    private KubernetesFailures() {
    }

    /** True when {@code failure} is worth retrying. */
    public static boolean isTransient(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KubernetesClientException k && k.getCode() > 0) {
                int code = k.getCode();
                return code == REQUEST_TIMEOUT || code == TOO_MANY_REQUESTS || code >= SERVER_ERROR;
            }
            if (cause instanceof InterruptedException
                    || (cause instanceof InterruptedIOException && !isTimeout(cause))) {
                return false;
            }
            if (cause instanceof IOException || cause instanceof TimeoutException || isTimeout(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A time-out of any HTTP stack fabric8 may run on (JDK, Vert.x, OkHttp) says so in its class name. */
    private static boolean isTimeout(Throwable failure) {
        return failure.getClass().getSimpleName().contains("Timeout");
    }
}
