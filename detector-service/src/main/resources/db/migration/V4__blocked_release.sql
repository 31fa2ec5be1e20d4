-- Releases Rewind rolled a target back from (its rollback rolled out, verified or not): the detector never names one
-- as the release to return to. images is the release's container-to-image map as sorted JSON.
CREATE TABLE blocked_release (
    target      TEXT        NOT NULL,
    images      TEXT        NOT NULL,
    incident_id UUID        NOT NULL,
    blocked_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (target, images)
);
