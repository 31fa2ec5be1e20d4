package dev.rewind.postmortem.service;

import dev.rewind.postmortem.domain.Incident;

/**
 * Fired, in the recording transaction, after an event was recorded and its incident folded again: what the incident
 * now is, and the type of the event that changed it.
 */
public record IncidentRecorded(Incident incident, String eventType) {
}
