-- A layer's history (history/): when each version stopped being current, which is where retention by
-- age starts counting, and when retention dropped its table. A dropped version keeps its row, in state
-- DISCARDED, so the layer's timeline still lists it.
ALTER TABLE layer_version ADD COLUMN replaced_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE layer_version ADD COLUMN discarded_at TIMESTAMP WITH TIME ZONE;
-- The layer a write request changed (a feature edit, a restore), so a layer's timeline finds its
-- edits without reading every path of the audit trail.
ALTER TABLE audit_event ADD COLUMN layer_id VARCHAR(64);
CREATE INDEX audit_event_layer ON audit_event (layer_id, id);
