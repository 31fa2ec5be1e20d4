package dev.rewind.platform.http;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits every Rewind REST API puts on the JSON it reads. Static-init safe: Quarkus builds its ObjectMapper, which
 * {@link JsonInputLimits} configures, while the application is initialised.
 */
@StaticInitSafe
@ConfigMapping(prefix = "rewind.http.json")
public interface HttpInputConfig {

    /**
     * How deeply a request body may nest JSON objects and arrays. Rewind's requests nest four or five levels; a small
     * limit refuses, cheaply and with a clear 400, documents built to exhaust the parser.
     */
    @WithDefault("32")
    int maxNestingDepth();
}
