-- The W3C traceparent of the span that published the event (the webhook, or the consumption of the event that caused
-- it): the relay sends the record as that span's child, so one alert stays one trace across the services.
-- Give up rather than queue every writer of the table behind an old instance's long transaction; the service
-- then fails to start and is started again.
SET LOCAL lock_timeout = '5s';
ALTER TABLE outbox_event
    ADD COLUMN trace_parent TEXT;
