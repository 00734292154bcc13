-- The step a job is in (WRITING, INDEXING, PUBLISHING, see WritePhase): after the last feature
-- is written the indexes can take as long again, and a failed job tells where it stopped.
ALTER TABLE import_job ADD COLUMN phase VARCHAR(16);
