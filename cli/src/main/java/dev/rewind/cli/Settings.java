package dev.rewind.cli;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where each API is and the bearer token to call it with (null when none is configured).
 *
 * @param baseUrls each API's base URL, without a trailing slash
 */
public record Settings(Map<Api, String> baseUrls, String token) {

    public Settings {
        baseUrls = Map.copyOf(new EnumMap<>(baseUrls));
    }

    /** The base URL of {@code api}. */
    public String baseUrl(Api api) {
        return baseUrls.get(api);
    }

    /** The token stays out of logs and messages. */
    @Override
    public String toString() {
        return "Settings[baseUrls=" + baseUrls + ", token=" + (token == null ? "none" : "(set)") + "]";
    }
}
