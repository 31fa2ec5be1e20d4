package dev.rewind.events;

import java.util.UUID;

/** An event that belongs to an incident; its CloudEvents subject is the incident id. */
public interface IncidentScoped extends RewindEvent {

    UUID incidentId();

    @Override
    default String subject() {
        return incidentId().toString();
    }
}
