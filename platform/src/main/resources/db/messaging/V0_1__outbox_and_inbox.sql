-- The messaging tables every service keeps in its own schema. Versioned below 1 so that each service's own
-- migrations (V1, V2, ...) come after them.

-- Transactional outbox: events written in the same transaction as the state they describe, published by the relay
-- in position order and marked published.
CREATE TABLE outbox_event (
    position     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (position) WHERE published_at IS NULL;

-- Idempotent consumption: one row per event a consumer has applied, written with the effect.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
