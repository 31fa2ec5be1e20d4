package dev.rewind.postmortem.api;

import dev.rewind.postmortem.domain.query.RollbackStatistics;
import dev.rewind.postmortem.persistence.IncidentStatisticsQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the statistics endpoint answers. */
public final class StatisticsViews {

    private StatisticsViews() {
    }

    /**
     * The figures over a range: one group per service in each environment (by namespace and service, as a target
     * names it), and the same figures over all of them.
     */
    public record Statistics(Instant from, Instant to, List<Group> groups, Figures overall) {

        public static Statistics of(Instant from, Instant to, List<IncidentStatisticsQuery.Group> groups) {
            Figures overall = null;
            List<Group> perTarget = new ArrayList<>();
            for (IncidentStatisticsQuery.Group group : groups) {
                if (group.service() == null) {
                    overall = Figures.of(group.statistics());
                } else {
                    perTarget.add(new Group(group.environment(), group.namespace(), group.service(),
                            Figures.of(group.statistics())));
                }
            }
            return new Statistics(from, to, perTarget, overall);
        }
    }

    /** One service in one environment. */
    public record Group(String environment, String namespace, String service, Figures figures) {
    }

    /** {@link RollbackStatistics} with durations in ISO-8601 ({@code PT6M29S}). */
    public record Figures(long incidents, long rollbacks, long succeeded, long unverified, long failed,
                          Double successRate, String medianTimeToRollBack, String p90TimeToRollBack,
                          long deadlinesMet, long deadlinesMissed, Double deadlineMetRate) {

        static Figures of(RollbackStatistics s) {
            return new Figures(s.incidents(), s.rollbacks(), s.succeeded(), s.unverified(), s.failed(),
                    s.successRate(), iso(s.medianTimeToRollBack()), iso(s.p90TimeToRollBack()), s.deadlinesMet(),
                    s.deadlinesMissed(), s.deadlineMetRate());
        }
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
