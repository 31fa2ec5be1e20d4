-- An alert occurrence is identified per target too: two targets' alerts never shadow each other, even when a
-- source reuses fingerprints.
ALTER TABLE alert DROP CONSTRAINT alert_source_fingerprint_starts_at_status_key;
ALTER TABLE alert ADD CONSTRAINT alert_occurrence UNIQUE (source, target, fingerprint, starts_at, status);
