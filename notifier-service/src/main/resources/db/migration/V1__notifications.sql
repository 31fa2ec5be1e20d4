-- What the notifier knows of each incident, gathered from its events, to fill in message templates.
CREATE TABLE incident_context (
    incident_id     UUID PRIMARY KEY,
    target          TEXT        NOT NULL,
    incident_number BIGINT,
    severity        TEXT,
    reason          TEXT,
    triggered_by    TEXT,
    from_version    TEXT,
    to_version      TEXT,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Every notification sent, or that could not be sent, per channel.
CREATE TABLE notification (
    id             UUID PRIMARY KEY,
    incident_id    UUID        NOT NULL,
    about_event_id UUID        NOT NULL,
    about_type     TEXT        NOT NULL,
    channel        TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    detail         TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (about_event_id, channel)
);
