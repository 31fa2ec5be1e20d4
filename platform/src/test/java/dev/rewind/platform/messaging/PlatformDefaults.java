package dev.rewind.platform.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The settings every service starts with: the platform's META-INF/microprofile-config.properties, for tests. */
final class PlatformDefaults {

    private PlatformDefaults() {
    }

    static Properties load() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = PlatformDefaults.class.getClassLoader()
                .getResourceAsStream("META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        return defaults;
    }
}
