-- The plan an execution committed to before touching the cluster (target revision, template, annotations and the
-- resourceVersion it was computed from), so that a restarted executor finishes the same rollback instead of
-- computing a new one from a Deployment it already changed.
ALTER TABLE execution ADD COLUMN plan TEXT;
ALTER TABLE execution ADD COLUMN to_revision_resolved BIGINT;
