-- The pipeline method's run, recorded as soon as the CI named it and before it is waited on, so that a restarted
-- executor follows that run instead of triggering a second one (JSON: id, number, link, phase).
ALTER TABLE execution ADD COLUMN pipeline_run TEXT;
