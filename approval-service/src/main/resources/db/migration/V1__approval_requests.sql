-- Rollback requests and their approval state; one row per request.
CREATE TABLE approval_request (
    id              UUID PRIMARY KEY,
    incident_id     UUID        NOT NULL,
    incident_number BIGINT      NOT NULL,
    target          TEXT        NOT NULL,
    severity        TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    mode            TEXT        NOT NULL,
    method          TEXT,
    to_revision     INTEGER,
    requested_by    TEXT        NOT NULL,
    state           TEXT        NOT NULL,
    required        INTEGER     NOT NULL,
    deadline        TIMESTAMPTZ NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ
);
CREATE INDEX approval_request_pending ON approval_request (deadline) WHERE state = 'PENDING';

-- Every decision on a request: who, when, why. Never updated.
CREATE TABLE approval_decision (
    id          UUID PRIMARY KEY,
    request_id  UUID        NOT NULL REFERENCES approval_request (id),
    decided_by  TEXT        NOT NULL,
    verdict     TEXT        NOT NULL,
    automatic   BOOLEAN     NOT NULL,
    comment     TEXT,
    decided_at  TIMESTAMPTZ NOT NULL
);
