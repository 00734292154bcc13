package org.changchun.layout.imports;

import java.util.List;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.geo.crs.PrjIdentifier;
import org.changchun.layout.shapefile.DbfEncoding;
import org.changchun.layout.shapefile.ShapefileSet;

/**
 * One shapefile of an upload, checked and ready to read: where it goes, how its text and
 * coordinates are to be read, and what its headers say.
 */
record PlannedLayer(
        ShapefileSet set,
        String layerId,
        String titleZh,
        String titleEn,
        DbfEncoding.Detection encoding,
        PrjIdentifier.Identified crs,
        List<FieldSpec> fields,
        String geometryType,
        int recordCount) {
}
