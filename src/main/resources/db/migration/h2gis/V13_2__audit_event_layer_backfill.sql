-- The layer of the writes audited before V13_1, read from their paths as security/AuditedLayer reads
-- new ones: feature edits (/ogc/collections/{id}/items...) and layer operations (/api/layers/{id}/...).
UPDATE audit_event SET layer_id = REGEXP_SUBSTR(path, '^/ogc/collections/([a-z][a-z0-9-]*)/items(/|\?|$)', 1, 1, '', 1)
WHERE layer_id IS NULL AND path LIKE '/ogc/collections/%/items%';
UPDATE audit_event SET layer_id = REGEXP_SUBSTR(path, '^/api/layers/([a-z][a-z0-9-]*)/', 1, 1, '', 1)
WHERE layer_id IS NULL AND path LIKE '/api/layers/%/%';
