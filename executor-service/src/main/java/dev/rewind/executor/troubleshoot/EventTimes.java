package dev.rewind.executor.troubleshoot;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;

/** When an event was last seen, whichever of its time fields its reporter filled (core/v1 or events.k8s.io style). */
final class EventTimes {

    private EventTimes() {
    }

    /** The latest of series.lastObservedTime, lastTimestamp, eventTime, firstTimestamp and creationTimestamp. */
    static Instant lastSeen(Event event) {
        return Stream.of(
                        event.getSeries() == null ? null : micro(event.getSeries().getLastObservedTime()),
                        event.getLastTimestamp(), micro(event.getEventTime()), event.getFirstTimestamp(),
                        event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp())
                .map(EventTimes::parse).filter(t -> t != null).max(Instant::compareTo).orElse(Instant.MIN);
    }

    /** How often it happened: series.count, else count, else once. */
    static int count(Event event) {
        if (event.getSeries() != null && event.getSeries().getCount() != null) {
            return event.getSeries().getCount();
        }
        return event.getCount() == null || event.getCount() < 1 ? 1 : event.getCount();
    }

    private static String micro(MicroTime time) {
        return time == null ? null : time.getTime();
    }

    private static Instant parse(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
