package dev.rewind.postmortem.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The incident list's, statistics' and overdue checklist items' settings, {@code rewind.postmortem.query.*}. */
@ConfigMapping(prefix = "rewind.postmortem.query")
public interface QueryConfig {

    /** Incidents per page when the client sends no {@code limit}. */
    @WithDefault("50")
    int defaultLimit();

    /** The largest {@code limit} accepted: a page is read and answered in one go. */
    @WithDefault("500")
    int maxLimit();

    /** The statistics' range when the client sends no {@code from}: this long before {@code to}. */
    @WithDefault("30d")
    Duration statisticsRange();

    /** Overdue checklist items listed when the client sends no {@code limit}. */
    @WithDefault("100")
    int overdueDefaultLimit();

    /** The largest {@code limit} of the overdue checklist items accepted. */
    @WithDefault("1000")
    int overdueMaxLimit();
}
