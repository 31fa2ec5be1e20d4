package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsResolverTest {

    private final SettingsResolver resolver = new SettingsResolver(path -> "token-from " + path + "\n");

    @Test
    void withNothingConfiguredTheDevStacksPortsAndNoToken() {
        Settings settings = resolver.resolve(List.of(Map.of(), Map.of(), Map.of()));

        assertThat(settings.baseUrl(Api.INCIDENTS)).isEqualTo("http://127.0.0.1:8085");
        assertThat(settings.baseUrl(Api.APPROVALS)).isEqualTo("http://127.0.0.1:8082");
        assertThat(settings.baseUrl(Api.REQUESTS)).isEqualTo("http://127.0.0.1:8081");
        assertThat(settings.token()).isNull();
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheConfigFile() {
        Map<String, String> flags = Map.of("incidents-url", "https://flag.example");
        Map<String, String> environment = Map.of("incidents-url", "https://env.example",
                "approvals-url", "https://env.example", "token", "env-token");
        Map<String, String> file = Map.of("incidents-url", "https://file.example",
                "approvals-url", "https://file.example", "requests-url", "https://file.example/",
                "token", "file-token");

        Settings settings = resolver.resolve(List.of(flags, environment, file));

        assertThat(settings.baseUrl(Api.INCIDENTS)).isEqualTo("https://flag.example");
        assertThat(settings.baseUrl(Api.APPROVALS)).isEqualTo("https://env.example");
        assertThat(settings.baseUrl(Api.REQUESTS)).isEqualTo("https://file.example");
        assertThat(settings.token()).isEqualTo("env-token");
    }

    @Test
    void anApisOwnUrlBeatsTheEndpointOfTheSameSourceButNotOfAHigherOne() {
        Map<String, String> flags = Map.of("endpoint", "https://gateway.example/rewind");
        Map<String, String> file = Map.of("endpoint", "https://old.example", "approvals-url", "https://a.example");

        assertThat(resolver.resolve(List.of(Map.of(), Map.of(), file)).baseUrl(Api.APPROVALS))
                .isEqualTo("https://a.example");
        assertThat(resolver.resolve(List.of(Map.of(), Map.of(), file)).baseUrl(Api.INCIDENTS))
                .isEqualTo("https://old.example");
        assertThat(resolver.resolve(List.of(flags, Map.of(), file)).baseUrl(Api.APPROVALS))
                .isEqualTo("https://gateway.example/rewind");
    }

    @Test
    void aTokenFileIsReadAndTrimmedAndATokenOfTheSameSourceBeatsIt() {
        assertThat(resolver.resolve(List.of(Map.of(), Map.of("token-file", "/run/t"), Map.of("token", "x"))).token())
                .isEqualTo("token-from /run/t");
        assertThat(resolver.resolve(List.of(Map.of("token", "flag", "token-file", "/run/t"))).token())
                .isEqualTo("flag");
    }

    @Test
    void blankValuesCountAsUnset() {
        Settings settings = resolver.resolve(List.of(Map.of("token", " ", "incidents-url", ""),
                Map.of("token", "env-token")));

        assertThat(settings.token()).isEqualTo("env-token");
        assertThat(settings.baseUrl(Api.INCIDENTS)).isEqualTo("http://127.0.0.1:8085");
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageError() {
        assertThatThrownBy(() -> resolver.resolve(List.of(Map.of("endpoint", "rewind.example:8085"))))
                .isInstanceOf(CliFailure.class).hasMessageContaining("endpoint must be an http:// or https:// URL")
                .extracting(e -> ((CliFailure) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void environmentVariablesAreTheKeysInCapitals() {
        assertThat(SettingsResolver.fromEnvironment(Map.of("REWIND_INCIDENTS_URL", "https://i.example",
                "REWIND_TOKEN_FILE", "/t", "HOME", "/root")))
                .containsOnly(Map.entry("incidents-url", "https://i.example"), Map.entry("token-file", "/t"));
    }

    @Test
    void theTokenNeverShowsInTheSettingsText() {
        Settings settings = resolver.resolve(List.of(Map.of("token", "secret-jwt")));

        assertThat(settings.toString()).doesNotContain("secret-jwt").contains("token=(set)");
    }
}
