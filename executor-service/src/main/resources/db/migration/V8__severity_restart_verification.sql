-- The incident's severity bounds how long the rollout is followed; the one `rollout restart` a stuck rollout gets is
-- recorded before it is sent, so a resumed execution never restarts twice. UNVERIFIED is a new final state (rolled
-- out, verification did not pass): the state column is text, so only comments change.
ALTER TABLE execution ADD COLUMN severity TEXT;
ALTER TABLE execution ADD COLUMN restarted_at TIMESTAMPTZ;
