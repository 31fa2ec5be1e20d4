package dev.rewind.executor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void serverErrorsAndThrottlingPass() {
        assertThat(TransientFailures.isTransient(answered(503))).isTrue();
        assertThat(TransientFailures.isTransient(answered(500))).isTrue();
        assertThat(TransientFailures.isTransient(answered(429))).isTrue();
    }

    @Test
    void noAnswerPasses() {
        assertThat(TransientFailures.isTransient(new KubernetesClientException("x", new ConnectException("refused"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new KubernetesClientException("x", new SocketTimeoutException())))
                .isTrue();
        assertThat(TransientFailures.isTransient(new KubernetesClientException("x", new TimeoutException())))
                .isTrue();
    }

    @Test
    void anAnswerAboutTheRequestIsFinal() {
        assertThat(TransientFailures.isTransient(answered(404))).isFalse();
        assertThat(TransientFailures.isTransient(answered(403))).isFalse();
        assertThat(TransientFailures.isTransient(answered(409))).isFalse();
        assertThat(TransientFailures.isTransient(answered(422))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    private static KubernetesClientException answered(int code) {
        return new KubernetesClientException("answered " + code, code, null);
    }
}
