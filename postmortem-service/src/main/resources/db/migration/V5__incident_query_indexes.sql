-- The incident list reads newest first, a page at a time after a cursor (opened_at, id): each index below serves
-- the list, or one of its filters, in that order, so a page reads its 50 rows and stops however many incidents there
-- are. Low-selectivity filters combined with others are checked on the rows of the most selective index.
DROP INDEX IF EXISTS incident_newest_first;
CREATE INDEX incident_newest_first ON incident (opened_at DESC, id DESC);
CREATE INDEX incident_service_newest_first ON incident (service, opened_at DESC, id DESC);
CREATE INDEX incident_environment_newest_first ON incident (environment, opened_at DESC, id DESC);
CREATE INDEX incident_namespace_newest_first ON incident (namespace, opened_at DESC, id DESC);
CREATE INDEX incident_severity_newest_first ON incident (severity, opened_at DESC, id DESC);
CREATE INDEX incident_status_newest_first ON incident (status, opened_at DESC, id DESC);

-- Text in the reason (q): lower(reason) LIKE '%words%' through trigrams. pg_trgm is a trusted extension (PostgreSQL
-- 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX incident_reason_words ON incident USING gin (lower(reason) gin_trgm_ops);
