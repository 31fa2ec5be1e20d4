-- The incidents whose every alert resolved, as the detector announced: a request taken in afterwards (the two topics
-- are consumed independently, e.g. while catching up after downtime) is flagged at once.
CREATE TABLE incident_alerts_resolved (
    incident_id UUID PRIMARY KEY,
    resolved_at TIMESTAMPTZ NOT NULL
);
