-- Incidents are looked up by number (INCIDENT-123) as often as by id: by people, the checklist's Slack reminders and
-- the post-mortem's links.
CREATE INDEX incident_by_number ON incident (number, opened_at DESC);
