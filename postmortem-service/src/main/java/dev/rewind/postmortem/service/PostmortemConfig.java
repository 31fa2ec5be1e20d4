package dev.rewind.postmortem.service;

import dev.rewind.events.Severity;
import dev.rewind.postmortem.domain.Deadlines;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The post-mortem service's settings, {@code rewind.postmortem.*}. */
@ConfigMapping(prefix = "rewind.postmortem")
public interface PostmortemConfig {

    /** The roles whose holders may read incident records. */
    Set<String> readRoles();

    /** The roles whose holders may edit post-mortems and check checklist items. */
    Set<String> editRoles();

    /** How soon after detection each severity must be rolled back (the runbook's quick reference). */
    DeadlineConfig deadline();

    /** {@code rewind.postmortem.deadline.p0} to {@code p3}. */
    interface DeadlineConfig {
        @WithDefault("5m")
        Duration p0();

        @WithDefault("15m")
        Duration p1();

        @WithDefault("1h")
        Duration p2();

        @WithDefault("4h")
        Duration p3();

        /** The four as the domain's {@link Deadlines}. */
        default Deadlines deadlines() {
            return new Deadlines(Map.of(Severity.P0, p0(), Severity.P1, p1(), Severity.P2, p2(), Severity.P3, p3()));
        }
    }
}
