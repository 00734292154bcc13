package org.changchun.layout.formats;

import java.util.Iterator;
import java.util.List;
import org.changchun.layout.feature.FieldSpec;
import org.locationtech.jts.geom.Envelope;

/**
 * One layer of an uploaded file (a shapefile, a GeoPackage feature table, a GeoJSON or CSV file),
 * opened for reading: what its headers or a first pass say, and its records, streamed. Every
 * reader gives geometries in 2D, of one family per layer (polygons as MultiPolygons, lines as
 * MultiLineStrings, points as Points or MultiPoints), as the shapefile reader always has.
 */
public interface VectorSource extends AutoCloseable {

    /** The records as {@link #records()} will give them, deleted ones included for shapefiles. */
    long recordCount();

    /** "Point", "MultiPoint", "MultiLineString", "MultiPolygon", or "Geometry" for a layer that mixes them. */
    String geometryType();

    /** The attribute fields, in file order, with unique names a layer can hold. */
    List<FieldSpec> fields();

    /** The extent in the file's coordinates (a null envelope when there are no geometries). */
    Envelope sourceExtent();

    /**
     * A new pass over the records in file order.
     *
     * @throws UnreadableSourceException from {@code next()} when a record is damaged
     */
    Iterator<SourceRecord> records();

    /** Values of the latest pass that could not be read as their field's type and became null. */
    long unreadableValues();

    @Override
    void close();
}
