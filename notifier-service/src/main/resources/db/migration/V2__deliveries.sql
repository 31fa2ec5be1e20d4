-- What to tell people, recorded in the transaction that processes an incident event and sent after commit by the
-- dispatcher: at most one row per incident, channel and notification, however often the event is delivered.
-- Rows of one incident and channel are sent in `position` order (a thread's first message before its replies).
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    position        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    incident_id     UUID        NOT NULL,
    target          TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    notification    TEXT        NOT NULL,
    summary         TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    about_event_id  UUID        NOT NULL,
    about_type      TEXT        NOT NULL,
    -- PENDING (due at next_attempt_at), SENDING (claimed_at: a send is under way), DELIVERED or FAILED
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_at      TIMESTAMPTZ,
    reference       TEXT,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    settled_at      TIMESTAMPTZ,
    UNIQUE (incident_id, channel, notification)
);

-- The dispatcher's question, per channel: what is unsettled, and when is it due.
CREATE INDEX delivery_unsettled ON delivery (channel, next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX delivery_incident ON delivery (incident_id, channel, position);

-- Replaced by delivery; what it recorded is in the incidents' timelines (notification-delivered events).
DROP TABLE notification;
