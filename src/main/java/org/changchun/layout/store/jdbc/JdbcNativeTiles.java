package org.changchun.layout.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.changchun.layout.geo.WebMercator;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.store.NativeTiles;
import org.locationtech.jts.geom.Envelope;

/**
 * Vector tiles encoded by the database with its {@link MvtSql}, in one statement per tile whatever
 * the number of layers: a tile of the whole plan is one round trip, not one per layer.
 */
final class JdbcNativeTiles implements NativeTiles {

    /** Bounded in time, as every query made for a request, and maybe on a standby. */
    private final ReadRoute reads;
    /** The store's current table of a layer, known without a query: a tile then costs one statement. */
    private final Function<String, LayerTable> currentTables;
    private final MvtSql sql;

    JdbcNativeTiles(ReadRoute reads, Function<String, LayerTable> currentTables, MvtSql sql) {
        this.reads = reads;
        this.currentTables = currentTables;
        this.sql = sql;
    }

    @Override
    public byte[] tile(int z, int x, int y, int extent, int buffer, List<Layer> layers) {
        if (layers.isEmpty()) {
            return new byte[0];
        }
        Envelope read = WebMercator.toLonLat(WebMercator.tile(z, x, y, (double) buffer / extent));
        List<MvtSql.TileLayer> tileLayers = new ArrayList<>();
        List<Object> parameters = new ArrayList<>(List.of(z, x, y,
                read.getMinX(), read.getMinY(), read.getMaxX(), read.getMaxY()));
        for (Layer layer : layers) {
            tileLayers.add(tileLayer(currentTables.apply(layer.layerId()), layer));
            parameters.add(layer.mvtLayerName());
        }
        String statement = sql.tile(tileLayers, extent, buffer);
        byte[] encoded = reads.read(template -> template.queryForObject(statement, byte[].class, parameters.toArray()));
        return encoded == null ? new byte[0] : encoded;
    }

    /** The layer's columns, named as its fields; the row id is attribute {@code id} unless a field has that name. */
    private static MvtSql.TileLayer tileLayer(LayerTable table, Layer layer) {
        List<String> columns = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        if (table.fields().stream().noneMatch(f -> f.name().equals("id"))) {
            columns.add("id");
            attributes.add("id");
        }
        List<FieldSpec> fields = table.fields();
        for (int i = 0; i < fields.size(); i++) {
            columns.add(LayerTable.columnName(i));
            attributes.add(fields.get(i).name());
        }
        return new MvtSql.TileLayer(table.table(), columns, attributes, layer.pointCellPixels(),
                layer.pointsDrawnElsewhere());
    }
}
