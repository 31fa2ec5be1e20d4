-- The release each request judged bad (revision and images, as JSON), passed on to the executor with the command so
-- that it acts only while the target still runs that release.
ALTER TABLE approval_request ADD COLUMN release TEXT;
