package org.changchun.layout.imports;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.changchun.layout.formats.VectorSource;
import org.changchun.layout.geo.crs.PrjIdentifier;
import org.changchun.layout.shapefile.DbfEncoding;

/**
 * One layer found in an upload, in any format the import reads: its name (a shapefile's, a
 * GeoPackage table's, a file's), the files it comes from, how its text is decoded, how to open it,
 * and how its coordinate system is decided once it is open (a CSV's may be told from its extent).
 *
 * @param format "shapefile", "geopackage", "geojson" or "csv", as the report names it
 */
record SourceLayer(
        String name,
        String format,
        List<String> files,
        DbfEncoding.Detection encoding,
        Supplier<VectorSource> opener,
        BiFunction<VectorSource, Optional<Integer>, PrjIdentifier.Identified> crs) {

    VectorSource open() {
        return opener.get();
    }
}
