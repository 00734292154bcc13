package org.changchun.layout.imports;

import java.util.List;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.geo.crs.PrjIdentifier;
import org.changchun.layout.shapefile.DbfEncoding;

/**
 * One layer of an upload (a shapefile, a GeoPackage table, a GeoJSON or CSV file), checked and
 * ready to read: where it goes, how its text and coordinates are to be read, and what its headers
 * (or a first pass) say.
 */
record PlannedLayer(
        SourceLayer source,
        String layerId,
        String titleZh,
        String titleEn,
        DbfEncoding.Detection encoding,
        PrjIdentifier.Identified crs,
        List<FieldSpec> fields,
        String geometryType,
        long recordCount) {
}
