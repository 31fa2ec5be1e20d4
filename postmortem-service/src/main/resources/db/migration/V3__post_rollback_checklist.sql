-- The post-rollback checklist. Its items are folded from the incident's record and people's marks when read; these
-- tables keep what a person said, and each item's due time and state so that overdue items are found (and
-- announced) across incidents without folding every incident.

-- Every check and uncheck by a person, with its note; never updated: the latest per item is the person's word.
CREATE TABLE checklist_mark (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id UUID        NOT NULL REFERENCES incident (id),
    item        TEXT        NOT NULL,
    checked     BOOLEAN     NOT NULL,
    marked_by   TEXT        NOT NULL,
    marked_at   TIMESTAMPTZ NOT NULL,
    note        TEXT
);
CREATE INDEX checklist_mark_incident ON checklist_mark (incident_id, item, marked_at);

-- One row per item of each incident whose rollback completed, kept current in the transaction that changed it.
-- announced_at: when the item's overdue event was published; set once, so that an item is announced once.
CREATE TABLE checklist_item (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id  UUID        NOT NULL REFERENCES incident (id),
    item         TEXT        NOT NULL,
    phase        TEXT        NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    done         BOOLEAN     NOT NULL,
    announced_at TIMESTAMPTZ,
    UNIQUE (incident_id, item)
);
-- The overdue listing, and the announcer's claim of items due and not yet announced.
CREATE INDEX checklist_item_open_by_due ON checklist_item (due_at) WHERE NOT done;
CREATE INDEX checklist_item_unannounced_by_due ON checklist_item (due_at) WHERE NOT done AND announced_at IS NULL;
