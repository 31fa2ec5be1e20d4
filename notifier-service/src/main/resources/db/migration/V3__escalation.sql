-- The runbook's escalation path per incident, kept here so that its timers survive a restart: when the incident
-- opened, the highest level reached (announced by anyone), the next level and when it is due (never before
-- held_until), and, once nobody needs to act any more, when and why the path ended (next_due_at is then null).
CREATE TABLE incident_escalation (
    incident_id     UUID PRIMARY KEY,
    target          TEXT        NOT NULL,
    incident_number BIGINT,
    opened_at       TIMESTAMPTZ NOT NULL,
    reached_level   INT         NOT NULL,
    next_level      INT,
    next_due_at     TIMESTAMPTZ,
    still_open      TEXT,
    resolved_at     TIMESTAMPTZ,
    resolution      TEXT,
    -- while the notifier catches up on events it missed, no level is announced before this time
    held_until      TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- The escalation timer's question: which incidents have a level due.
CREATE INDEX incident_escalation_due ON incident_escalation (next_due_at) WHERE next_due_at IS NOT NULL;
