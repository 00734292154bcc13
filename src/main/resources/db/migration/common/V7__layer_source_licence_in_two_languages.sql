-- A layer's source and licence in Chinese and in English, for pages that show one language at a
-- time; source and licence stay as they were (the API keeps both members for its clients).
ALTER TABLE layer ADD COLUMN source_zh VARCHAR(4000);
ALTER TABLE layer ADD COLUMN source_en VARCHAR(4000);
ALTER TABLE layer ADD COLUMN licence_zh VARCHAR(4000);
ALTER TABLE layer ADD COLUMN licence_en VARCHAR(4000);
