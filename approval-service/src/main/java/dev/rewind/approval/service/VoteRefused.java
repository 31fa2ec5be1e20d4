package dev.rewind.approval.service;

import dev.rewind.approval.domain.Ballot;

/** A vote the ballot's rules refuse, with the message for the person who cast it. */
public class VoteRefused extends RuntimeException {

    private final Ballot.Refusal refusal;

    public VoteRefused(Ballot.Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Ballot.Refusal refusal() {
        return refusal;
    }
}
