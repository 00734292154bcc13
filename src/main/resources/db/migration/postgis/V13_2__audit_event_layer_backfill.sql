-- The layer of the writes audited before V13_1, read from their paths as security/AuditedLayer reads
-- new ones: feature edits (/ogc/collections/{id}/items...) and layer operations (/api/layers/{id}/...).
UPDATE audit_event SET layer_id = substring(path from '^/ogc/collections/([a-z][a-z0-9-]*)/items(/|\?|$)')
WHERE layer_id IS NULL AND path LIKE '/ogc/collections/%/items%';
UPDATE audit_event SET layer_id = substring(path from '^/api/layers/([a-z][a-z0-9-]*)/')
WHERE layer_id IS NULL AND path LIKE '/api/layers/%/%';
