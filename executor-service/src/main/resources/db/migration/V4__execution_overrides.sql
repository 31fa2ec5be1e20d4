-- The guards a person explicitly overrode for this rollback at the approval service (comma-separated DeclineReason
-- names, e.g. COOLDOWN), so that an execution resumed by any instance skips the same checks, and only those.
ALTER TABLE execution ADD COLUMN overrides TEXT;
