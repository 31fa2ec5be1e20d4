-- One execution per incident, whatever the redeliveries or duplicate commands: the unique incident_id is the fence.
CREATE TABLE execution (
    id            UUID PRIMARY KEY,
    incident_id   UUID        NOT NULL UNIQUE,
    command_id    UUID        NOT NULL,
    target        TEXT        NOT NULL,
    method        TEXT        NOT NULL,
    to_revision   INTEGER,
    state         TEXT        NOT NULL,
    from_revision BIGINT,
    from_version  TEXT,
    to_version    TEXT,
    message       TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX execution_target ON execution (target, created_at);
