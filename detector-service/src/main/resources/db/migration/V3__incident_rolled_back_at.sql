-- When Rewind's rollback of an incident succeeded: the cooldown guard declines a second automatic rollback of the
-- same target within rewind.detector.guards.cooldown of it.
ALTER TABLE incident ADD COLUMN rolled_back_at TIMESTAMPTZ;
CREATE INDEX incident_last_rollback ON incident (target, rolled_back_at DESC) WHERE rolled_back_at IS NOT NULL;
