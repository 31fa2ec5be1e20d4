-- People decide on requests: a request may be held by a guard until someone overrides it, carries the evidence and
-- the release to return to for its approvers, escalates once at its deadline and expires later.
ALTER TABLE approval_request
    ADD COLUMN approvals    TEXT,
    ADD COLUMN deployed_by  TEXT,
    ADD COLUMN hold_code    TEXT,
    ADD COLUMN hold_reason  TEXT,
    ADD COLUMN evidence     TEXT,
    ADD COLUMN rollback_to  TEXT,
    ADD COLUMN escalated_at TIMESTAMPTZ,
    ADD COLUMN expires_at   TIMESTAMPTZ;
-- Requests taken in before this version get the runbook's rule for their environment and severity, so that an
-- upgrade never lowers the bar for a request still waiting.
UPDATE approval_request SET approvals = CASE
        WHEN required = 0 THEN 'none'
        WHEN target LIKE 'production/%' AND severity = 'P0' THEN 'oncall'
        WHEN target LIKE 'production/%' AND severity = 'P1' THEN 'oncall|team-lead'
        WHEN target LIKE 'production/%' THEN 'team-lead+reviewer'
        ELSE 'oncall|team-lead' END,
    expires_at = requested_at + INTERVAL '24 hours';
-- Requests from before the release judged bad was recorded can never be executed (the executor refuses a command
-- without it): close them instead of leaving them open to votes.
UPDATE approval_request SET state = 'EXPIRED', decided_at = now() WHERE state = 'PENDING' AND release IS NULL;
ALTER TABLE approval_request ALTER COLUMN approvals SET NOT NULL, ALTER COLUMN expires_at SET NOT NULL;
DROP INDEX approval_request_pending;
CREATE INDEX approval_request_open ON approval_request (expires_at) WHERE state IN ('PENDING', 'HELD');
CREATE INDEX approval_request_listing ON approval_request (state, requested_at DESC);

-- Every vote is an audit record: who, with which roles, through which channel, when and why.
ALTER TABLE approval_decision
    ADD COLUMN roles   TEXT NOT NULL DEFAULT '',
    ADD COLUMN channel TEXT;
UPDATE approval_decision SET channel = CASE WHEN automatic THEN 'POLICY' ELSE 'API' END;
ALTER TABLE approval_decision ALTER COLUMN channel SET NOT NULL, DROP COLUMN automatic;
ALTER TABLE approval_decision RENAME COLUMN comment TO reason;
-- One vote per person and request: a second vote by the same person cannot be stored, whatever the race.
CREATE UNIQUE INDEX approval_decision_one_per_person ON approval_decision (request_id, lower(decided_by));

-- Votes are never changed or removed, not even by a bug in this service.
CREATE FUNCTION approval_decision_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'approval decisions are an audit record: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER approval_decision_immutable BEFORE UPDATE OR DELETE ON approval_decision
    FOR EACH ROW EXECUTE FUNCTION approval_decision_is_immutable();
