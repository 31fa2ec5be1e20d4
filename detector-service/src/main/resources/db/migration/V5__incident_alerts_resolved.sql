-- When every alert of the incident was seen resolved (and announced, once).
ALTER TABLE incident ADD COLUMN alerts_resolved_at TIMESTAMPTZ;
CREATE INDEX alert_incident ON alert (incident_id, status) WHERE incident_id IS NOT NULL;
