package dev.rewind.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.smallrye.config.WithDefault;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupErrorsTest {

    /** The configured default, read from the mapping so that this test follows it. */
    private static final String DEFAULT = defaultPattern();

    private final StartupErrors defaults = new StartupErrors(DEFAULT, Optional.empty(), Optional.empty());

    @Test
    void theDefaultPatternFindsCommonStartupErrors() {
        String log = """
                2025-03-01 10:00:01 INFO  Starting checkout v1.2.5
                2025-03-01 10:00:02 ERROR Failed to connect to postgres:5432
                {"level":"error","msg":"cannot load config"}
                ts=2025-03-01T10:00:03Z level=fatal msg="listen tcp :8080: bind: address already in use"
                panic: runtime error: invalid memory address or nil pointer dereference
                Exception in thread "main" java.lang.IllegalStateException: no datasource
                \tat com.example.Main.main(Main.java:12)
                Caused by: java.net.ConnectException: Connection refused
                Traceback (most recent call last):
                TypeError: Cannot read properties of undefined (reading 'port')
                error: unknown flag --prot
                """;

        assertThat(defaults.scan(log)).containsExactly(
                "2025-03-01 10:00:02 ERROR Failed to connect to postgres:5432",
                "{\"level\":\"error\",\"msg\":\"cannot load config\"}",
                "ts=2025-03-01T10:00:03Z level=fatal msg=\"listen tcp :8080: bind: address already in use\"",
                "panic: runtime error: invalid memory address or nil pointer dereference",
                "Exception in thread \"main\" java.lang.IllegalStateException: no datasource",
                "Caused by: java.net.ConnectException: Connection refused",
                "Traceback (most recent call last):",
                "TypeError: Cannot read properties of undefined (reading 'port')",
                "error: unknown flag --prot");
    }

    @Test
    void theDefaultPatternLeavesOrdinaryLinesAlone() {
        String log = """
                2025-03-01 10:00:01 INFO  Started in 2.1s, 0 errors in configuration
                2025-03-01 10:00:02 DEBUG error_count=0 retries=0
                {"level":"info","msg":"errorHandler registered"}
                GET /health 200 errors=none
                WARN  slow query (1.2s)
                """;

        assertThat(defaults.scan(log)).isEmpty();
    }

    @Test
    void anExtraPatternAddsAndAnIgnorePatternExcuses() {
        StartupErrors errors = new StartupErrors(DEFAULT, Optional.of("ORA-\\d{5}"),
                Optional.of("ERROR .*deprecated"));

        assertThat(errors.scan("""
                ORA-12541: TNS:no listener
                ERROR config key 'x' is deprecated
                ERROR schema missing
                """)).containsExactly("ORA-12541: TNS:no listener", "ERROR schema missing");
    }

    @Test
    void longLinesAreCut() {
        assertThat(defaults.scan("ERROR " + "x".repeat(500))).singleElement()
                .satisfies(line -> assertThat(line).hasSize(203).endsWith("..."));
    }

    @Test
    void anInvalidPatternNamesTheSettingToFix() {
        assertThatThrownBy(() -> new StartupErrors("(", Optional.empty(), Optional.empty()))
                .hasMessageStartingWith("rewind.executor.verification.startup-logs.pattern (or extra-pattern) is not a "
                        + "valid regular expression");
    }

    @Test
    void aPodIsNewWhenCreatedOrStartedAfterTheRollback() {
        Instant started = Instant.parse("2025-03-01T10:00:00Z");
        var old = ClusterObjects.pod("shop", "a", "checkout", started.minusSeconds(60), null);
        var created = ClusterObjects.pod("shop", "b", "checkout", started.plusSeconds(1), null);
        var unknown = ClusterObjects.pod("shop", "c", "checkout", started, null);
        unknown.getMetadata().setCreationTimestamp(null);
        var restarted = ClusterObjects.pod("shop", "d", "checkout", started.minusSeconds(60),
                new PodStatusBuilder().withStartTime(started.plusSeconds(2).toString()).build());

        assertThat(StartupErrors.startedAfter(old, started)).isFalse();
        assertThat(StartupErrors.startedAfter(created, started)).isTrue();
        assertThat(StartupErrors.startedAfter(unknown, started)).isTrue();
        assertThat(StartupErrors.startedAfter(restarted, started)).isTrue();
    }

    @Test
    void anApiObjectAnsweredInsteadOfLogTextIsRecognised() {
        assertThat(StartupErrors.apiObjectKind("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[]}\n"))
                .hasValue("List");
        assertThat(StartupErrors.apiObjectKind("""
                {"apiVersion":"v1","kind":"Pod"}
                {"apiVersion":"v1","kind":"Pod"}
                """)).as("JSON log lines are log text").isEmpty();
        assertThat(StartupErrors.apiObjectKind("ERROR boom")).isEmpty();
        assertThat(StartupErrors.apiObjectKind("")).isEmpty();
    }

    private static String defaultPattern() {
        try {
            return VerificationConfig.StartupLogs.class.getMethod("pattern").getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
