-- The W3C traceparent of the event's processing: each send continues the alert's trace.
-- Give up rather than queue every writer of the table behind an old instance's long transaction; the service
-- then fails to start and is started again.
SET LOCAL lock_timeout = '5s';
ALTER TABLE delivery
    ADD COLUMN trace_parent TEXT;
