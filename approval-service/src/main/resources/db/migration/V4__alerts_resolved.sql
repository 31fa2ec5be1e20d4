-- When every alert of the request's incident resolved while the request still awaited people: flagged for them, as
-- the fault may have cleared. Null while some alert still fires or the request was decided first.
ALTER TABLE approval_request ADD COLUMN alerts_resolved_at TIMESTAMPTZ;
