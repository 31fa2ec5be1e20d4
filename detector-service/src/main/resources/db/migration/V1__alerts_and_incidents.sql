-- Incidents the detector opened, one open incident per target at most; alerts attach to it as evidence.
CREATE SEQUENCE incident_number_seq;

CREATE TABLE incident (
    id          UUID PRIMARY KEY,
    number      BIGINT      NOT NULL UNIQUE,
    target      TEXT        NOT NULL,
    severity    TEXT        NOT NULL,
    signal      TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    state       TEXT        NOT NULL,
    opened_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX incident_one_open_per_target ON incident (target) WHERE state = 'OPEN';

-- Every alert occurrence received. Alertmanager re-sends an alert on purpose; its identity is
-- (source, fingerprint, starts_at, status), so a re-send is recognised and has no second effect.
CREATE TABLE alert (
    id           UUID PRIMARY KEY,
    source       TEXT        NOT NULL,
    fingerprint  TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    target       TEXT        NOT NULL,
    signal       TEXT        NOT NULL,
    observed     DOUBLE PRECISION,
    summary      TEXT,
    starts_at    TIMESTAMPTZ,
    received_at  TIMESTAMPTZ NOT NULL,
    decision     TEXT        NOT NULL,
    incident_id  UUID REFERENCES incident (id),
    UNIQUE (source, fingerprint, starts_at, status)
);
CREATE INDEX alert_target ON alert (target, received_at);
