-- The GitOps method's pull or merge request, recorded as soon as the host answered and again once merged, so that a
-- restarted executor follows that change instead of proposing a second one (JSON: number, url, branch, headSha,
-- mergeSha).
ALTER TABLE execution ADD COLUMN git_change TEXT;
