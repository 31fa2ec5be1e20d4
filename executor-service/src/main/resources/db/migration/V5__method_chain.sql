-- Several rollback methods, tried in order until one can roll the target back (issue 8): the method the command asked
-- for, the chain chosen when first planned (so that a resumed execution keeps to it), the position in it, and what
-- each method that could not roll back said, for people. The release the request expected to return to is what the
-- redeploy method pins when the rollout history is gone.
ALTER TABLE execution ADD COLUMN requested_method TEXT;
ALTER TABLE execution ADD COLUMN chain TEXT;
ALTER TABLE execution ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE execution ADD COLUMN attempts TEXT;
ALTER TABLE execution ADD COLUMN rollback_to TEXT;
