package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path home;

    @Test
    void theFlagThenRewindConfigThenXdgThenHomeNameTheFile() {
        assertThat(ConfigFile.location("/etc/r.properties", Map.of("REWIND_CONFIG", "/x"), home))
                .isEqualTo(Path.of("/etc/r.properties"));
        assertThat(ConfigFile.location(null, Map.of("REWIND_CONFIG", "/x", "XDG_CONFIG_HOME", "/xdg"), home))
                .isEqualTo(Path.of("/x"));
        assertThat(ConfigFile.location(null, Map.of("XDG_CONFIG_HOME", "/xdg"), home))
                .isEqualTo(Path.of("/xdg/rewind/config.properties"));
        assertThat(ConfigFile.location(null, Map.of(), home))
                .isEqualTo(home.resolve(".config/rewind/config.properties"));
    }

    @Test
    void readsTheKnownKeys() throws IOException {
        Path file = Files.writeString(home.resolve("config.properties"),
                "# Rewind\nendpoint=https://rewind.example\ntoken-file=/run/secrets/rewind\n");

        assertThat(ConfigFile.read(file, true)).containsOnly(Map.entry("endpoint", "https://rewind.example"),
                Map.entry("token-file", "/run/secrets/rewind"));
    }

    @Test
    void anUnknownKeyIsAUsageErrorNotADefault() throws IOException {
        Path file = Files.writeString(home.resolve("config.properties"), "incident-url=https://x.example\n");

        assertThatThrownBy(() -> ConfigFile.read(file, false)).isInstanceOf(CliFailure.class)
                .hasMessageContaining("unknown key 'incident-url'").hasMessageContaining("incidents-url");
    }

    @Test
    void aMissingFileIsFineUnlessItWasNamed() {
        Path missing = home.resolve("none.properties");

        assertThat(ConfigFile.read(missing, false)).isEmpty();
        assertThatThrownBy(() -> ConfigFile.read(missing, true)).isInstanceOf(CliFailure.class)
                .hasMessageContaining("does not exist");
    }
}
