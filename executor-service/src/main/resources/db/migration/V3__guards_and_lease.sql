-- What the decision saw, so the executor acts only while the world is still that: the release the incident judged
-- bad (JSON: revision and images) and the incident's human number for the messages people read.
ALTER TABLE execution ADD COLUMN judged_release TEXT;
ALTER TABLE execution ADD COLUMN incident_number BIGINT;

-- Exactly one instance drives an execution at a time: it holds a lease that it renews while driving and that
-- expires when it dies, so that another instance takes the execution over.
ALTER TABLE execution ADD COLUMN lease_owner TEXT;
ALTER TABLE execution ADD COLUMN lease_expires_at TIMESTAMPTZ;
CREATE INDEX execution_unfinished ON execution (lease_expires_at) WHERE state IN ('ACCEPTED', 'RUNNING');

-- Steps a resumed execution must not repeat or announce twice: when the patch may have been sent (from then on a
-- Deployment already on the target template is this very rollback), when "patched" was announced, and when the
-- execution finished (the per-target cooldown counts from there).
ALTER TABLE execution ADD COLUMN patch_sent_at TIMESTAMPTZ;
ALTER TABLE execution ADD COLUMN patched_at TIMESTAMPTZ;
ALTER TABLE execution ADD COLUMN finished_at TIMESTAMPTZ;
UPDATE execution SET finished_at = updated_at WHERE state IN ('SUCCEEDED', 'FAILED');
UPDATE execution SET patch_sent_at = updated_at, patched_at = updated_at
    WHERE state = 'SUCCEEDED' AND (message IS NULL OR message NOT LIKE 'skipped rollback%');
-- Before this version RUNNING meant "the patch may have been sent": a resumed execution must take a Deployment on
-- the target template for its own patch, not for someone else's rollback.
UPDATE execution SET patch_sent_at = updated_at WHERE state = 'RUNNING';
CREATE INDEX execution_target_rolled_back ON execution (target, finished_at) WHERE patched_at IS NOT NULL;

-- At most one rollback of a target in flight, whichever incident asked: a second one would see the first one's
-- patch as its own.
CREATE UNIQUE INDEX execution_one_running_per_target ON execution (target) WHERE state = 'RUNNING';
