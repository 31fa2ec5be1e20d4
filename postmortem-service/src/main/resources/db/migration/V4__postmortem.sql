-- People's edits of an incident's post-mortem. The document itself is written from the record on each read; only
-- what people wrote is kept: one JSON object per edited section (value, by, at) in `edits`.
-- `revision` counts the edits: it is the document's ETag, and an edit names the revision it was made on (If-Match),
-- so that an edit made on a stale copy is refused instead of silently overwriting another person's.
CREATE TABLE postmortem (
    incident_id UUID        PRIMARY KEY REFERENCES incident (id),
    revision    BIGINT      NOT NULL,
    edits       TEXT        NOT NULL,
    edited_by   TEXT        NOT NULL,
    edited_at   TIMESTAMPTZ NOT NULL
);
