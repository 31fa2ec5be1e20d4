-- When the release's migration-rollback Job was seen completed and announced: announced once, however often the
-- execution is resumed.
ALTER TABLE execution ADD COLUMN migration_rolled_back_at TIMESTAMPTZ;
