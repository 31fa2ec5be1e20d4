package dev.rewind.executor.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.sandbox.helm.HelmDemoChart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class HelmReleaseCodecTest {

    /**
     * data.release of a Secret as fabric8 returns it, generated once outside Java (gzip level 9, mtime 0, then base64
     * twice, as Go's encodeRelease and the API server do) from a release revision 1 of "checkout".
     */
    private static final String LITERAL = "SDRzSUFBQUFBQUFDQTVWUFBVL0RNQkQ5SzVaWm14QUhXc0JySndZbUVBT3loRTdPcGJYcW5LM1"
            + "lxVlJWL2UrY0V4V1FtSkE4K081OTNIdG5TVENnMU5MdTBSN0NsT1ZLT3VxRDFHZlp1ekhsenc2akR5ZnNtTk0yN2FaU3FtcWJOOVhv"
            + "cHJ4YXRYZjM2ODNENDlNSEt6MzhVOUNoeHp4VDV5SFowY1hzQXZIaW1WSUc3NFVOUXl3a0p2QWlUNG14TkVVY0UzYXN2S3c0T295NU"
            + "JCNHdRd2NaeXY5dnJTTkxGbXRWdC9WYVhvbzBVTzkyaFQ5eWFtZGhHeVppcjVheEFjajFtSGlTVlZVWnVoR3ZZUm90YW5FMXZjM0ky"
            + "U0JqdWwyTUJvajFDUVp2Q0tKN1grNXBjVlNHRG80NkxiWXo2d1dpb1d0V2JVaUlFdmJIdGxyTURIM2p1eEV4TzlwcHNVZnZnNkhmZG"
            + "RScUxwc2kyTkk0N1VPVWx5L2xFU2VFMkFFQUFBPT0=";

    @Test
    void decodesAReleaseSecretWrittenByHelm() {
        ObjectNode release = HelmReleaseCodec.fromSecretData(LITERAL);

        assertThat(release.path("name").asText()).isEqualTo("checkout");
        assertThat(release.path("version").asInt()).isEqualTo(1);
        assertThat(release.path("namespace").asText()).isEqualTo("shop");
        assertThat(release.at("/info/status").asText()).isEqualTo("superseded");
        assertThat(release.at("/info/first_deployed").asText()).isEqualTo("2026-11-20T10:00:00.123456789Z");
        assertThat(release.at("/config/replicaCount").asInt()).isEqualTo(2);
        assertThat(release.path("manifest").asText()).contains("kind: ConfigMap").contains("greeting: hello");
    }

    @Test
    void readsWhatTheJdkEncodesAsHelmDoes() {
        ObjectNode release = HelmDemoChart.release("checkout", "shop", 2, "v1.3.0", "deployed", "Upgrade complete");

        String apiValue = Base64.getEncoder().encodeToString(HelmDemoChart.helmEncoded(release)
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(HelmReleaseCodec.fromSecretData(apiValue)).isEqualTo(release);
    }

    @Test
    void writesBase64OfGzipOfTheJsonWithUnknownFieldsKept() throws Exception {
        ObjectNode release = HelmDemoChart.release("checkout", "shop", 2, "v1.3.0", "deployed", "Upgrade complete");

        String apiValue = HelmReleaseCodec.toSecretData(release);

        byte[] helmEncoded = Base64.getDecoder().decode(apiValue);
        byte[] gzipped = Base64.getDecoder().decode(helmEncoded);
        assertThat(gzipped).startsWith(0x1f, 0x8b, 0x08);
        byte[] json = new GZIPInputStream(new ByteArrayInputStream(gzipped)).readAllBytes();
        assertThat(new ObjectMapper().readTree(json)).isEqualTo(release);
        assertThat(HelmReleaseCodec.fromSecretData(apiValue).path("apply_method").asText()).isEqualTo("csa");
    }

    @Test
    void readsReleasesStoredBeforeHelmCompressedThem() {
        String legacy = Base64.getEncoder().encodeToString("{\"name\":\"checkout\",\"version\":3}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(HelmReleaseCodec.decode(legacy).path("version").asInt()).isEqualTo(3);
    }

    @Test
    void saysWhatIsWrongWithDataThatIsNoRelease() {
        String garbage = Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> HelmReleaseCodec.decode(garbage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a Helm release");
    }
}
