-- Every incident Rewind handled, as its events tell it.
CREATE TABLE incident (
    id          UUID PRIMARY KEY,
    number      BIGINT,
    target      TEXT        NOT NULL,
    severity    TEXT,
    reason      TEXT,
    status      TEXT        NOT NULL,
    opened_at   TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX incident_newest_first ON incident (opened_at DESC);

-- The incident's timeline: one entry per lifecycle event, never updated.
CREATE TABLE timeline_entry (
    position    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    incident_id UUID        NOT NULL REFERENCES incident (id),
    kind        TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    summary     TEXT        NOT NULL,
    source      TEXT
);
CREATE INDEX timeline_entry_incident ON timeline_entry (incident_id, occurred_at, position);
