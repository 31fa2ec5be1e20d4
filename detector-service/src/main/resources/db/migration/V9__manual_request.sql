-- Rollbacks people asked for through POST /api/v1/rollbacks with an Idempotency-Key: a retried request answers what
-- the first one did instead of asking twice. Keys are each requester's own; body_hash tells a retry from a reuse.
CREATE TABLE manual_request (
    id               UUID PRIMARY KEY,
    requester        TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    body_hash        TEXT        NOT NULL,
    incident_id      UUID        NOT NULL REFERENCES incident (id),
    incident_number  BIGINT      NOT NULL,
    request_id       UUID        NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (requester, idempotency_key)
);
