package org.changchun.layout.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.changchun.layout.csv.Csv;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.LayerInfo;
import org.locationtech.jts.io.WKTWriter;

/**
 * A whole layer as an RFC 4180 table: id, every field, and the geometry as WKT in WGS84 lon/lat
 * (column {@code wkt}, which GDAL and QGIS read as geometry). UTF-8 gets a byte-order mark so
 * spreadsheets on Chinese Windows open it correctly; GBK is written without one.
 */
final class CsvExport {

    private CsvExport() {
    }

    static void write(FeatureStore store, LayerInfo layer, Charset charset, OutputStream target) {
        WKTWriter wkt = new WKTWriter(2);
        wkt.setMaxCoordinatesPerLine(Integer.MAX_VALUE);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(target, charset))) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                out.write(Csv.BOM);
            }
            List<String> header = new ArrayList<>(List.of("id"));
            layer.fields().forEach(f -> header.add(f.name()));
            header.add("wkt");
            Csv.line(out, header);
            store.readFeatures(layer.id(), features -> {
                features.forEach(feature -> {
                    List<Object> row = new ArrayList<>();
                    row.add(feature.id());
                    for (FieldSpec field : layer.fields()) {
                        row.add(feature.properties().get(field.name()));
                    }
                    row.add(wkt.write(feature.geometry()));
                    try {
                        Csv.line(out, row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
