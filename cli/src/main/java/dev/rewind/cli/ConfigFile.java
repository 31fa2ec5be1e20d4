package dev.rewind.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The config file ({@code key=value} properties), its keys checked so that a typo is an error, not a default. */
public final class ConfigFile {

    private ConfigFile() {
    }

    /**
     * Where the config file is: {@code --config}, else {@code $REWIND_CONFIG}, else
     * {@code $XDG_CONFIG_HOME/rewind/config.properties}, else {@code ~/.config/rewind/config.properties}.
     */
    public static Path location(String flag, Map<String, String> environment, Path home) {
        if (flag != null && !flag.isBlank()) {
            return Path.of(flag);
        }
        String named = environment.get("REWIND_CONFIG");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("rewind").resolve("config.properties");
    }

    /** The settings of {@code file}; none when it does not exist and was not named explicitly. */
    public static Map<String, String> read(Path file, boolean named) {
        if (!Files.exists(file)) {
            if (named) {
                throw new CliFailure(ExitCode.USAGE, "config file " + file + " does not exist");
            }
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, "cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!SettingsResolver.keys().contains(key)) {
                throw new CliFailure(ExitCode.USAGE, "config file " + file + ": unknown key '" + key + "' (known: "
                        + String.join(", ", SettingsResolver.keys()) + ")");
            }
            values.put(key, properties.getProperty(key));
        }
        return values;
    }
}
