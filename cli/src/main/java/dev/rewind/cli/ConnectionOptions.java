package dev.rewind.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that say where Rewind is and who calls it; each falls back to REWIND_... and the config file. */
public final class ConnectionOptions {

    @Option(names = "--endpoint", paramLabel = "URL", order = 100,
            description = "One base URL serving all of Rewind's APIs (a gateway); an API's own URL beats it "
                    + "[$REWIND_ENDPOINT, endpoint=]")
    String endpoint;

    @Option(names = "--incidents-url", paramLabel = "URL", order = 101,
            description = "postmortem-service [$REWIND_INCIDENTS_URL, incidents-url=; dev: http://127.0.0.1:8085]")
    String incidentsUrl;

    @Option(names = "--approvals-url", paramLabel = "URL", order = 102,
            description = "approval-service [$REWIND_APPROVALS_URL, approvals-url=; dev: http://127.0.0.1:8082]")
    String approvalsUrl;

    @Option(names = "--requests-url", paramLabel = "URL", order = 103,
            description = "detector-service, manual rollback requests [$REWIND_REQUESTS_URL, requests-url=; dev: "
                    + "http://127.0.0.1:8081]")
    String requestsUrl;

    @Option(names = "--token", paramLabel = "JWT", order = 104,
            description = "Bearer token (shows in the process list: prefer $REWIND_TOKEN or a token file) "
                    + "[$REWIND_TOKEN, token=]")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", order = 105,
            description = "File holding the bearer token [$REWIND_TOKEN_FILE, token-file=]")
    String tokenFile;

    @Option(names = "--config", paramLabel = "FILE", order = 106,
            description = "Config file [$REWIND_CONFIG; default ~/.config/rewind/config.properties]")
    String config;

    /** The settings: these flags, then the environment, then the config file, then the dev stack's defaults. */
    public Settings settings(CliContext context) {
        Map<String, String> flags = new HashMap<>();
        put(flags, SettingsResolver.ENDPOINT, endpoint);
        put(flags, Api.INCIDENTS.key(), incidentsUrl);
        put(flags, Api.APPROVALS.key(), approvalsUrl);
        put(flags, Api.REQUESTS.key(), requestsUrl);
        put(flags, SettingsResolver.TOKEN, token);
        put(flags, SettingsResolver.TOKEN_FILE, tokenFile);
        Path file = ConfigFile.location(config, context.environment(), context.home());
        boolean named = config != null || context.environment().get("REWIND_CONFIG") != null;
        return new SettingsResolver(ConnectionOptions::readToken).resolve(List.of(flags,
                SettingsResolver.fromEnvironment(context.environment()), ConfigFile.read(file, named)));
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }

    private static String readToken(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.USAGE, "cannot read token file " + file + ": " + e);
        }
    }
}
