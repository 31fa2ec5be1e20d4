package dev.rewind.postmortem.service;

import dev.rewind.postmortem.domain.Incident;

/** Fired, in the recording transaction, after an event was recorded and its incident folded again: what it now is. */
public record IncidentRecorded(Incident incident) {
}
