-- The outbox relay keeps order per record key, retries a record that failed with backoff, and parks a record Kafka
-- refused for good (with its reason) instead of retrying it forever.
ALTER TABLE outbox_event
    ADD COLUMN attempts        INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at TIMESTAMPTZ,
    ADD COLUMN last_error      TEXT,
    ADD COLUMN parked_at       TIMESTAMPTZ,
    ADD COLUMN park_reason     TEXT;

-- Pending = neither published nor parked. By position for the relay's batches and the readiness age; by key and
-- position for "is an earlier record of this key failing?".
DROP INDEX outbox_event_pending;
CREATE INDEX outbox_event_pending ON outbox_event (position)
    WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_pending_by_key ON outbox_event (record_key, position)
    WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_event_parked ON outbox_event (position) WHERE parked_at IS NOT NULL;
