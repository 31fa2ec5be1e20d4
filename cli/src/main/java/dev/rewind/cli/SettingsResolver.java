package dev.rewind.cli;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides the settings from flags, then the environment ({@code REWIND_...}), then the config file, then the dev
 * stack's defaults. Within one source, an API's own URL ({@code incidents-url}) beats the gateway's
 * ({@code endpoint}), and {@code token} beats {@code token-file}.
 */
public final class SettingsResolver {

    /** The endpoint serving every API under one base URL (a gateway or ingress). */
    public static final String ENDPOINT = "endpoint";
    public static final String TOKEN = "token";
    public static final String TOKEN_FILE = "token-file";

    private final Function<String, String> readTokenFile;

    /** @param readTokenFile a token file's content by path; fails with a {@link CliFailure} when unreadable */
    public SettingsResolver(Function<String, String> readTokenFile) {
        this.readTokenFile = readTokenFile;
    }

    /** Every key a source may set. */
    public static List<String> keys() {
        return List.of(ENDPOINT, Api.INCIDENTS.key(), Api.APPROVALS.key(), Api.REQUESTS.key(), TOKEN, TOKEN_FILE);
    }

    /** The environment variable of {@code key}: {@code incidents-url} is {@code REWIND_INCIDENTS_URL}. */
    public static String environmentVariable(String key) {
        return "REWIND_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The environment's settings by key, from its {@code REWIND_...} variables. */
    public static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        for (String key : keys()) {
            String value = environment.get(environmentVariable(key));
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    /**
     * The settings from {@code sources}, highest precedence first (flags, environment, config file), each a map
     * from key to value; blank values count as unset.
     */
    public Settings resolve(List<Map<String, String>> sources) {
        Map<Api, String> urls = new EnumMap<>(Api.class);
        for (Api api : Api.values()) {
            urls.put(api, url(api, sources));
        }
        return new Settings(urls, token(sources));
    }

    private static String url(Api api, List<Map<String, String>> sources) {
        for (Map<String, String> source : sources) {
            String own = value(source, api.key());
            if (own != null) {
                return checked(api.key(), own);
            }
            String endpoint = value(source, ENDPOINT);
            if (endpoint != null) {
                return checked(ENDPOINT, endpoint);
            }
        }
        return api.devDefault();
    }

    private String token(List<Map<String, String>> sources) {
        for (Map<String, String> source : sources) {
            String token = value(source, TOKEN);
            if (token != null) {
                return token;
            }
            String file = value(source, TOKEN_FILE);
            if (file != null) {
                String read = readTokenFile.apply(file).strip();
                if (read.isEmpty()) {
                    throw new CliFailure(ExitCode.USAGE, "token file " + file + " is empty");
                }
                return read;
            }
        }
        return null;
    }

    private static String checked(String key, String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new CliFailure(ExitCode.USAGE, key + " must be an http:// or https:// URL, got '" + url + "'");
        }
        return url.replaceAll("/+$", "");
    }

    private static String value(Map<String, String> source, String key) {
        String value = source.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
