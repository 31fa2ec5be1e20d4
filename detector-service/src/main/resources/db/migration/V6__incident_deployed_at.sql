-- When the release an incident's target ran was deployed (its ReplicaSet's creation), read when the incident opened.
-- The infrastructure guard counts other targets of the environment whose incidents opened recently although their
-- release is old: several of them at once look like infrastructure, not a deploy.
ALTER TABLE incident ADD COLUMN deployed_at TIMESTAMPTZ;
CREATE INDEX incident_opened_at ON incident (opened_at);
