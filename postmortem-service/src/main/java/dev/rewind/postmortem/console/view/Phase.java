package dev.rewind.postmortem.console.view;

import dev.rewind.postmortem.domain.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One stretch of an incident between two milestones, as a share of the whole: detection to approval, approval to the
 * rollback's start, the rollout, and the rollout to recovery.
 *
 * @param percent the stretch's share of the time from detection to the last milestone reached, at least 1
 * @param index its place, 0 to 3, which gives its colour
 */
public record Phase(String label, String length, int percent, int index) {

    /** The stretches {@code times} has reached so far; empty before the first ends. */
    public static List<Phase> of(Incident.Times times) {
        Instant[] marks = {times.detectedAt(), times.approvedAt(), times.rollbackStartedAt(),
                times.rollbackCompletedAt(), times.recoveredAt()};
        String[] labels = {"to approve", "to start", "rollout", "to recover"};
        List<Duration> lengths = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        Instant from = marks[0];
        for (int i = 1; i < marks.length && from != null; i++) {
            if (marks[i] == null) {
                continue;
            }
            Duration length = Duration.between(from, marks[i]);
            if (!length.isNegative()) {
                lengths.add(length);
                indexes.add(i - 1);
                from = marks[i];
            }
        }
        long total = lengths.stream().mapToLong(Duration::toMillis).sum();
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < lengths.size(); i++) {
            int percent = total == 0 ? 100 / lengths.size()
                    : (int) Math.max(1, Math.round(100.0 * lengths.get(i).toMillis() / total));
            phases.add(new Phase(labels[indexes.get(i)], Spans.of(lengths.get(i)), percent, indexes.get(i)));
        }
        return phases;
    }
}
