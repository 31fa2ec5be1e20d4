-- The W3C traceparent of the request's intake: decisions taken later (by people, by timers) join the alert's trace.
-- Give up rather than queue every writer of the table behind an old instance's long transaction; the service
-- then fails to start and is started again.
SET LOCAL lock_timeout = '5s';
ALTER TABLE approval_request
    ADD COLUMN trace_parent TEXT;
