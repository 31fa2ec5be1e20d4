package dev.rewind.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesFailuresTest {

    @ParameterizedTest(name = "HTTP {0} is transient")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void throttlingAndServerErrorsAreTransient(int code) {
        assertThat(KubernetesFailures.isTransient(answered(code))).isTrue();
    }

    @ParameterizedTest(name = "HTTP {0} is final")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void anAnswerAboutTheRequestIsFinal(int code) {
        assertThat(KubernetesFailures.isTransient(answered(code))).isFalse();
    }

    @Test
    void noAnswerIsTransient() {
        assertThat(KubernetesFailures.isTransient(new KubernetesClientException("x", new ConnectException("refused"))))
                .isTrue();
        assertThat(KubernetesFailures.isTransient(new KubernetesClientException("x", new SocketTimeoutException())))
                .isTrue();
        assertThat(KubernetesFailures.isTransient(new KubernetesClientException("x", new TimeoutException())))
                .isTrue();
    }

    @Test
    void anInterruptOrABugIsFinal() {
        assertThat(KubernetesFailures.isTransient(new KubernetesClientException("x", new InterruptedIOException())))
                .isFalse();
        assertThat(KubernetesFailures.isTransient(new KubernetesClientException("x", new InterruptedException())))
                .isFalse();
        assertThat(KubernetesFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    private static KubernetesClientException answered(int code) {
        return new KubernetesClientException("answered " + code, code, null);
    }
}
