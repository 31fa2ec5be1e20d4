package dev.rewind.approval.domain;

/** What a person says about a request. */
public enum Verdict {
    /** Go ahead with the rollback. */
    APPROVE,
    /** Do not roll back; ends the request and the incident's rollback path. */
    REJECT,
    /** Lift the guard that held the request, with a reason; counts as the person's approval where their role may. */
    OVERRIDE
}
