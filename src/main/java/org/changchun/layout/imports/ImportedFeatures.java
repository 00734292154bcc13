package org.changchun.layout.imports;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.formats.SourceRecord;
import org.changchun.layout.formats.UnreadableSourceException;
import org.changchun.layout.formats.VectorSource;
import org.changchun.layout.geo.GeoJsonFeature;
import org.changchun.layout.geo.GeometryValidity;
import org.changchun.layout.geo.Reprojection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The features of one planned layer (of any format the import reads) as they will be stored: reprojected to WGS84, invalid
 * polygons repaired, features without geometry left out or refused, counted and noted for the
 * report as they pass. Reads one record at a time, so any size fits in a small heap.
 */
final class ImportedFeatures implements Iterator<Feature>, AutoCloseable {

    private final PlannedLayer plan;
    private final ImportRequest.EmptyGeometries emptyGeometries;
    private final int samples;
    private final int listedProblems;
    private final VectorSource source;
    private final Iterator<SourceRecord> records;
    private final UnaryOperator<Geometry> toWgs84;
    private final List<ImportReport.Problem> problems = new ArrayList<>();
    private final List<GeoJsonFeature> sampled = new ArrayList<>();
    /** Of the features as stored: a projected header box, reprojected, bounds them only loosely. */
    private final Envelope extent = new Envelope();
    private long written;
    private long repaired;
    private long skippedEmpty;
    private long unlistedProblems;
    private Feature next;

    ImportedFeatures(PlannedLayer plan, ImportRequest.EmptyGeometries emptyGeometries, int samples, int listedProblems) {
        this.plan = plan;
        this.emptyGeometries = emptyGeometries;
        this.samples = samples;
        this.listedProblems = listedProblems;
        this.source = open(plan);
        this.records = records(source);
        // each record's geometry is read afresh and used once
        this.toWgs84 = Reprojection.inPlace(plan.crs().epsg(), 4326);
    }

    /** @throws ImportRejectedException when the next record is damaged */
    @Override
    public boolean hasNext() {
        try {
            while (next == null && records.hasNext()) {
                next = convert(records.next());
            }
        } catch (UnreadableSourceException e) {
            throw UploadSources.rejected(e);
        }
        return next != null;
    }

    @Override
    public Feature next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Feature feature = next;
        next = null;
        written++;
        extent.expandToInclude(feature.geometry().getEnvelopeInternal());
        if (sampled.size() < samples) {
            sampled.add(GeoJsonFeature.of(feature));
        }
        return feature;
    }

    /** Reads every remaining feature without keeping them, e.g. for a dry run. */
    void drain() {
        while (hasNext()) {
            next();
        }
    }

    /** What passed so far, as the report's entry for this shapefile. */
    ImportReport.ShapefileReport report() {
        List<ImportReport.Problem> listed = new ArrayList<>(problems);
        if (unlistedProblems > 0) {
            listed.add(new ImportReport.Problem("more", null, "另有 " + unlistedProblems + " 个同类问题未逐条列出",
                    unlistedProblems + " more problems of these kinds are not listed one by one"));
        }
        if (source.unreadableValues() > 0) {
            listed.add(new ImportReport.Problem("unreadable_value", null,
                    source.unreadableValues() + " 个属性值无法解析（如数值字段中的“12a”、日期“20231399”），已存为空值",
                    source.unreadableValues() + " attribute values could not be parsed (e.g. \"12a\" in a number field, "
                            + "the date \"20231399\") and are stored as empty"));
        }
        double[] bounds = extent.isNull() ? null
                : new double[] {extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()};
        return new ImportReport.ShapefileReport(plan.source().name(), plan.source().format(), plan.layerId(),
                plan.titleZh(), plan.titleEn(), plan.source().files(),
                new ImportReport.Encoding(plan.encoding().charset().name(), plan.encoding().source().name().toLowerCase(java.util.Locale.ROOT),
                        plan.encoding().reasonZh(), plan.encoding().reasonEn()),
                new ImportReport.Crs(plan.crs().epsg(), plan.crs().name(), plan.crs().howZh(), plan.crs().howEn()),
                plan.recordCount(), plan.geometryType(),
                plan.fields().stream().map(f -> new ImportReport.Field(f.name(), f.type().code())).toList(),
                bounds, List.copyOf(sampled),
                new ImportReport.Counts(written, repaired, skippedEmpty, source.unreadableValues()), listed);
    }

    @Override
    public void close() {
        source.close();
    }

    private static VectorSource open(PlannedLayer plan) {
        try {
            return plan.source().open();
        } catch (UnreadableSourceException e) {
            throw UploadSources.rejected(e);
        }
    }

    private static Iterator<SourceRecord> records(VectorSource source) {
        try {
            return source.records();
        } catch (UnreadableSourceException e) {
            source.close();
            throw UploadSources.rejected(e);
        }
    }

    private Feature convert(SourceRecord record) {
        int number = record.index() + 1;
        Geometry geometry = record.geometry();
        if (geometry == null || geometry.isEmpty()) {
            if (emptyGeometries == ImportRequest.EmptyGeometries.REFUSE) {
                throw new ImportRejectedException("第 " + number + " 条记录没有几何；如要跳过这类记录，请用 empty_geometries=skip",
                        "record " + number + " has no geometry; to leave such records out, import with "
                                + "empty_geometries=skip");
            }
            skippedEmpty++;
            note("empty_geometry", number, "第 " + number + " 条记录没有几何，已跳过",
                    "record " + number + " has no geometry and was left out");
            return null;
        }
        Geometry lonLat = toWgs84.apply(geometry);
        TopologyValidationError error = GeometryValidity.errorOf(lonLat);
        if (error != null) {
            lonLat = GeometryFixer.fix(lonLat);
            lonLat.setSRID(4326);
            repaired++;
            note("repaired", number, "第 " + number + " 条记录的几何无效（" + error.getMessage() + "），已修复",
                    "record " + number + " had an invalid geometry (" + error.getMessage() + " at "
                            + error.getCoordinate().x + ", " + error.getCoordinate().y + ") and was repaired");
            if (lonLat.isEmpty()) {
                skippedEmpty++;
                return null;
            }
        }
        return new Feature(String.valueOf(number), record.values(), lonLat);
    }

    private void note(String kind, int feature, String messageZh, String messageEn) {
        if (problems.size() < listedProblems) {
            problems.add(new ImportReport.Problem(kind, feature, messageZh, messageEn));
        } else {
            unlistedProblems++;
        }
    }
}
