-- A job waiting for this process's import worker is QUEUED behind the job submitted just before
-- it; following these links gives its place in the queue and the job it waits for.
ALTER TABLE import_job ADD COLUMN queued_behind VARCHAR(36);
