-- Each timeline entry keeps its event's own JSON, so that the incident's record can be folded again from its
-- timeline whatever order the events arrived in. Entries written before this version have none: they stay text.
ALTER TABLE timeline_entry ADD COLUMN payload TEXT;

-- The incident's record, kept current from its events, in columns the list, its filters and the statistics use.
ALTER TABLE incident
    ADD COLUMN environment           TEXT,
    ADD COLUMN namespace             TEXT,
    ADD COLUMN service               TEXT,
    ADD COLUMN signal                TEXT,
    ADD COLUMN rollback_started_at   TIMESTAMPTZ,
    ADD COLUMN rollback_completed_at TIMESTAMPTZ,
    ADD COLUMN recovered_at          TIMESTAMPTZ,
    ADD COLUMN closed_at             TIMESTAMPTZ,
    ADD COLUMN time_to_rollback_ms   BIGINT,
    ADD COLUMN deadline_at           TIMESTAMPTZ;

UPDATE incident SET environment = split_part(target, '/', 1),
                    namespace   = split_part(target, '/', 2),
                    service     = split_part(target, '/', 3);

ALTER TABLE incident
    ALTER COLUMN environment SET NOT NULL,
    ALTER COLUMN namespace SET NOT NULL,
    ALTER COLUMN service SET NOT NULL;
