-- The incidents whose every alert resolved, as the detector announced: the alerts-resolved verification check waits
-- for its incident's row.
CREATE TABLE incident_alerts_resolved (
    incident_id UUID PRIMARY KEY,
    resolved_at TIMESTAMPTZ NOT NULL,
    alerts      TEXT        NOT NULL
);
