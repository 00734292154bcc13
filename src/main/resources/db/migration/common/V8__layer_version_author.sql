-- Who wrote each layer version (the account that imported it); NULL for versions the service
-- wrote itself, such as the plan data loaded from gis-data/. The version's created_at says when.
ALTER TABLE layer_version ADD COLUMN created_by VARCHAR(200);
