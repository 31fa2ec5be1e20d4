package dev.rewind.detector.service;

import java.util.List;

/** Alerts whose targets are outside the configured environments; nothing of the request was accepted. */
public class TargetRefused extends RuntimeException {

    /** Why the alert at {@code index} of the request was refused. */
    public record Refusal(int index, String reason) {
    }

    private final List<Refusal> refusals;

    public TargetRefused(List<Refusal> refusals) {
        super(refusals.size() + " alert(s) about targets outside the configured environments");
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
