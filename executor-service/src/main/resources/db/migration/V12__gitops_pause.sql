-- An emergency rollback of a GitOps-managed target pauses the controller's sync before it changes the cluster and
-- resumes it once Git caught up: both are recorded (with their timeline steps), so a restarted executor neither
-- pauses a sync it resumed already nor forgets to say, when the rollback fails, that the sync stays paused.
ALTER TABLE execution ADD COLUMN gitops_paused_at TIMESTAMPTZ;
ALTER TABLE execution ADD COLUMN gitops_resumed_at TIMESTAMPTZ;
