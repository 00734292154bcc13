package org.changchun.layout.store.postgis;

import java.util.List;
import org.changchun.layout.store.jdbc.LinkPartitions;

/** {@code feature_link} is a list-partitioned table in PostgreSQL (migration V5), one partition per source layer. */
final class PostgisLinkPartitions implements LinkPartitions {

    @Override
    public List<String> indexStatements(String staging) {
        // a plain unique index builds beside the other (both take a SHARE lock) and becomes the key below;
        // its columns in the order of the parent's key (migration V16_1)
        return List.of(
                "CREATE UNIQUE INDEX " + staging + "_key ON " + staging
                        + " (source_id, source_layer, target_layer, target_id)",
                "CREATE INDEX " + staging + "_target ON " + staging + " (target_layer, target_id)");
    }

    @Override
    public List<String> constraintStatements(String staging, String sourceLayer) {
        return List.of(
                "ALTER TABLE " + staging + " ADD CONSTRAINT " + staging + "_key PRIMARY KEY USING INDEX " + staging + "_key",
                "ALTER TABLE " + staging + " ADD CONSTRAINT " + staging + "_source CHECK (source_layer = "
                        + LinkPartitions.literal(sourceLayer) + ")");
    }

    @Override
    public String currentPartitionQuery() {
        return "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'feature_link'::regclass"
                + " AND pg_get_expr(c.relpartbound, c.oid) = format('FOR VALUES IN (%L)', ?::text)";
    }

    @Override
    public String attach(String staging, String sourceLayer) {
        return "ALTER TABLE feature_link ATTACH PARTITION " + staging + " FOR VALUES IN ("
                + LinkPartitions.literal(sourceLayer) + ")";
    }
}
