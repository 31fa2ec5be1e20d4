-- The W3C traceparent of the command's processing: the rollback, driven later by a worker (or resumed after a
-- restart), continues the alert's trace.
-- Give up rather than queue every writer of the table behind an old instance's long transaction; the service
-- then fails to start and is started again.
SET LOCAL lock_timeout = '5s';
ALTER TABLE execution
    ADD COLUMN trace_parent TEXT;
