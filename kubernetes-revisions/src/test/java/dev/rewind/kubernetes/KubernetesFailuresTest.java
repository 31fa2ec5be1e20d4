package dev.rewind.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KubernetesFailuresTest {

    @ParameterizedTest(name = "HTTP {0} is transient")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void throttlingAndServerErrorsAreTransient(int code) {
        assertThat(KubernetesFailures.isTransient(new KubernetesClientException("boom", code, null))).isTrue();
    }

    @ParameterizedTest(name = "HTTP {0} is final")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void clientErrorsAreFinal(int code) {
        assertThat(KubernetesFailures.isTransient(new KubernetesClientException("boom", code, null))).isFalse();
    }

    @Test
    void timeoutsAndRefusedConnectionsAreTransient() {
        assertThat(KubernetesFailures.isTransient(new KubernetesClientException("request failed",
                new InterruptedIOException("timeout")))).isTrue();
        assertThat(KubernetesFailures.isTransient(new KubernetesClientException("request failed",
                new ConnectException("Connection refused")))).isTrue();
        assertThat(KubernetesFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
