package org.changchun.layout.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.store.FieldSpec;
import org.changchun.layout.store.NativeTiles;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vector tiles encoded by the database with its {@link MvtSql}. A tile of several layers is the
 * concatenation of one-layer tiles, which is itself a valid tile (MVT layers are repeated
 * protobuf fields).
 */
final class JdbcNativeTiles implements NativeTiles {

    /** Bounded in time, as every query made for a request. */
    private final JdbcTemplate jdbc;
    /** The store's current table of a layer, known without a query: a tile then costs one statement per layer. */
    private final Function<String, LayerTable> currentTables;
    private final MvtSql sql;

    JdbcNativeTiles(JdbcTemplate jdbc, Function<String, LayerTable> currentTables, MvtSql sql) {
        this.jdbc = jdbc;
        this.currentTables = currentTables;
        this.sql = sql;
    }

    @Override
    public byte[] tile(int z, int x, int y, int extent, int buffer, List<Layer> layers) {
        Envelope read = WebMercator.toLonLat(WebMercator.tile(z, x, y, (double) buffer / extent));
        ByteArrayOutputStream tile = new ByteArrayOutputStream();
        for (Layer layer : layers) {
            LayerTable table = currentTables.apply(layer.layerId());
            List<String> columns = new ArrayList<>();
            List<String> attributes = new ArrayList<>();
            boolean hasIdField = table.fields().stream().anyMatch(f -> f.name().equals("id"));
            if (!hasIdField) {
                columns.add("id");
                attributes.add("id");
            }
            List<FieldSpec> fields = table.fields();
            for (int i = 0; i < fields.size(); i++) {
                columns.add(LayerTable.columnName(i));
                attributes.add(fields.get(i).name());
            }
            String query = sql.layerTile(table.table(), columns, attributes, extent, buffer, layer.pointCellPixels());
            byte[] encoded = jdbc.queryForObject(query, byte[].class, z, x, y,
                    read.getMinX(), read.getMinY(), read.getMaxX(), read.getMaxY(), layer.mvtLayerName());
            if (encoded != null) {
                tile.writeBytes(encoded);
            }
        }
        return tile.toByteArray();
    }
}
