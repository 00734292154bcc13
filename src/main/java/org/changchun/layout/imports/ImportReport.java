package org.changchun.layout.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.changchun.layout.geo.GeoJsonFeature;

/**
 * What an import found and did, per layer read (the member keeps its first name, {@code shapefiles},
 * for the clients that read it; each entry says its {@code format}): the same document for a dry
 * run (nothing written) and for a finished job.
 */
public record ImportReport(String fileName, List<ShapefileReport> shapefiles) {

    /**
     * @param name    the shapefile's, GeoPackage table's or file's name
     * @param format  "shapefile", "geopackage", "geojson" or "csv"
     * @param layer   the id of the layer it is (or would be) imported into
     * @param titleZh the layer's titles, unique among the layers (see {@link LayerNaming})
     * @param extent  [west, south, east, north] in WGS84 degrees of the features as stored (as the layer's own)
     * @param samples the first features as they will be stored
     */
    public record ShapefileReport(
            String name,
            String format,
            String layer,
            String titleZh,
            String titleEn,
            List<String> files,
            Encoding encoding,
            Crs crs,
            long featureCount,
            String geometryType,
            List<Field> fields,
            double[] extent,
            List<GeoJsonFeature> samples,
            Counts counts,
            List<Problem> problems) {
    }

    public record Encoding(String charset, String source, String reasonZh, String reasonEn) {
    }

    /** @param howZh how the coordinate system was recognised, in Chinese; {@code howEn} in English */
    public record Crs(int epsg, String name, String howZh, String howEn) {
    }

    @Schema(name = "ImportedField")
    public record Field(String name, String type) {
    }

    /**
     * @param written          features stored (or, for a dry run, that would be)
     * @param repaired         invalid geometries made valid
     * @param skippedEmpty     features without geometry left out
     * @param unreadableValues attribute values that could not be read and are stored as empty
     */
    public record Counts(long written, long repaired, long skippedEmpty, long unreadableValues) {
    }

    /**
     * @param kind    e.g. "repaired", "empty_geometry", "unreadable_value", "datum"
     * @param feature the record number (from 1) the problem concerns, when it concerns one
     */
    @Schema(name = "ImportProblem")
    public record Problem(String kind, Integer feature, String messageZh, String messageEn) {
    }
}
