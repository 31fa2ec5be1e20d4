package dev.rewind.notifier.escalation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the escalation path once from configuration; a path that makes no sense stops the start. */
public class LadderProducer {

    @Produces
    @Singleton
    EscalationLadder ladder(EscalationConfig config) {
        return new EscalationLadder(config.levels().entrySet().stream()
                .map(e -> new EscalationLadder.Level(e.getKey(), e.getValue().after(), e.getValue().name()))
                .toList());
    }
}
