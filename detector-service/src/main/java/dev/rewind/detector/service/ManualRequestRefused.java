package dev.rewind.detector.service;

import java.util.UUID;

/**
 * A manual rollback request refused, nothing published: the target has an open incident already ({@link Kind#CONFLICT})
 * or what it asks cannot be done ({@link Kind#UNPROCESSABLE}).
 *
 * @see ManualRequests
 */
public class ManualRequestRefused extends RuntimeException {

    /** Why: the request clashes with the state of the target, or is impossible as asked. */
    public enum Kind { CONFLICT, UNPROCESSABLE }

    private final Kind kind;
    private final String field;
    private final UUID incidentId;
    private final Long incidentNumber;

    private ManualRequestRefused(Kind kind, String field, String detail, UUID incidentId, Long incidentNumber) {
        super(detail);
        this.kind = kind;
        this.field = field;
        this.incidentId = incidentId;
        this.incidentNumber = incidentNumber;
    }

    /** The target already has open incident {@code number}: people handle the rollback there. */
    public static ManualRequestRefused openIncident(UUID incidentId, long number, String target) {
        return new ManualRequestRefused(Kind.CONFLICT, null, target + " already has an open incident, INCIDENT-"
                + number + ": decide on its rollback request at the approval service (an incident whose rollback "
                + "was declined stays open there for people) instead of opening a second one", incidentId, number);
    }

    /** {@code field} of the body (null: the request as a whole) asks what cannot be done; {@code detail} says why. */
    public static ManualRequestRefused unprocessable(String field, String detail) {
        return new ManualRequestRefused(Kind.UNPROCESSABLE, field, detail, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The body field at fault, or null. */
    public String field() {
        return field;
    }

    /** The open incident, for a conflict; else null. */
    public UUID incidentId() {
        return incidentId;
    }

    /** The open incident's number, for a conflict; else null. */
    public Long incidentNumber() {
        return incidentNumber;
    }
}
