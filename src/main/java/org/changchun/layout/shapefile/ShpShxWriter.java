package org.changchun.layout.shapefile;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.changchun.layout.feature.Feature;
import org.h2gis.functions.io.shp.internal.MultiLineHandler;
import org.h2gis.functions.io.shp.internal.MultiPointHandler;
import org.h2gis.functions.io.shp.internal.PointHandler;
import org.h2gis.functions.io.shp.internal.PolygonHandler;
import org.h2gis.functions.io.shp.internal.ShapeHandler;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileException;
import org.h2gis.functions.io.shp.internal.ShapefileHeader;
import org.h2gis.functions.io.utility.WriteBufferManager;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The .shp and .shx of a shapefile being written: the record framing and the .shx entries here,
 * each record's content by H2GIS's shape handlers, and both headers last, once the bounds and
 * lengths are known. The first non-empty geometry fixes the shape type
 * ({@link ShapefileWriter#shapeTypeOf}); an empty geometry is a null shape.
 *
 * <p>Why the framing is ours: H2GIS's {@code ShapefileWriter} computes a wrong record length for
 * polygons of more than one part, which misplaces every later record.
 */
final class ShpShxWriter implements AutoCloseable {

    private final FileChannel shpChannel;
    private final FileChannel shxChannel;
    private final WriteBufferManager shp;
    private final WriteBufferManager shx;
    private final Envelope bounds = new Envelope();
    private ShapeType type;
    private ShapeHandler handler;
    private String typeName;
    private int count;
    private int offsetWords = 50;

    ShpShxWriter(Path shpPath, Path shxPath) throws IOException {
        shpChannel = FileChannel.open(shpPath, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        shxChannel = FileChannel.open(shxPath, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        shp = new WriteBufferManager(shpChannel);
        shx = new WriteBufferManager(shxChannel);
        // headers go in last, once the bounds and lengths are known
        shp.putBytes(new byte[100]);
        shx.putBytes(new byte[100]);
    }

    /**
     * Appends the feature's geometry as the next record.
     *
     * @throws IllegalArgumentException for a geometry of another shapefile type than the first's
     */
    void add(Feature feature) throws IOException {
        Geometry geometry = feature.geometry();
        count++;
        if (geometry.isEmpty()) {
            frame(4);
            shp.putInt(ShapeType.NULL.id);
            return;
        }
        String needed = ShapefileWriter.shapeTypeOf(geometry);
        if (type == null) {
            start(needed);
        } else if (!needed.equals(typeName)) {
            throw new IllegalArgumentException("feature " + feature.id() + " is a " + needed + " but this shapefile "
                    + "holds " + typeName + "s: a shapefile has one geometry type, so split the features by "
                    + "ShapefileWriter.shapeTypeOf and write one shapefile per type");
        }
        frame(contentBytes(geometry));
        shp.putInt(type.id);
        // the polygon handler normalises ring orientation in place
        handler.write(shp, type == ShapeType.POLYGON ? geometry.copy() : geometry);
        bounds.expandToInclude(geometry.getEnvelopeInternal());
    }

    private void start(String name) {
        typeName = name;
        switch (name) {
            case "Point":
                type = ShapeType.POINT;
                handler = new PointHandler();
                break;
            case "MultiPoint":
                type = ShapeType.MULTIPOINT;
                handler = handlerFor(type);
                break;
            case "MultiLineString":
                type = ShapeType.ARC;
                handler = handlerFor(type);
                break;
            default:
                type = ShapeType.POLYGON;
                handler = new PolygonHandler();
                break;
        }
    }

    private static ShapeHandler handlerFor(ShapeType type) {
        try {
            return type == ShapeType.MULTIPOINT ? new MultiPointHandler(type) : new MultiLineHandler(type);
        } catch (ShapefileException e) {
            throw new IllegalStateException(e);
        }
    }

    private int contentBytes(Geometry geometry) {
        int points = geometry.getNumPoints();
        if (type == ShapeType.POINT) {
            return 20;
        }
        if (type == ShapeType.MULTIPOINT) {
            return 40 + 16 * points;
        }
        int parts = 0;
        if (type == ShapeType.ARC) {
            parts = geometry.getNumGeometries();
        } else {
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                parts += 1 + ((Polygon) geometry.getGeometryN(i)).getNumInteriorRing();
            }
        }
        return 44 + 4 * parts + 16 * points;
    }

    private void frame(int contentBytes) throws IOException {
        int words = contentBytes / 2;
        shp.order(ByteOrder.BIG_ENDIAN);
        shp.putInt(count);
        shp.putInt(words);
        shp.order(ByteOrder.LITTLE_ENDIAN);
        shx.order(ByteOrder.BIG_ENDIAN);
        shx.putInt(offsetWords);
        shx.putInt(words);
        offsetWords += 4 + words;
    }

    /** The shape type written, as {@link ShapefileWriter#shapeTypeOf} names it; "Point" when all were empty. */
    String typeName() {
        return typeName == null ? "Point" : typeName;
    }

    /** Writes both headers, once the last record is added. */
    void finish() throws IOException {
        shp.flush();
        shx.flush();
        ShapeType written = type == null ? ShapeType.POINT : type;
        Envelope box = bounds.isNull() ? new Envelope(0, 0, 0, 0) : bounds;
        writeHeader(shpChannel, written, offsetWords, box);
        writeHeader(shxChannel, written, 50 + 4 * count, box);
    }

    private void writeHeader(FileChannel channel, ShapeType written, int lengthWords, Envelope box) throws IOException {
        channel.position(0);
        WriteBufferManager header = new WriteBufferManager(channel);
        new ShapefileHeader().write(header, written, count, lengthWords, box.getMinX(), box.getMinY(), box.getMaxX(),
                box.getMaxY());
        header.flush();
    }

    @Override
    public void close() throws IOException {
        try (FileChannel a = shpChannel; FileChannel b = shxChannel) {
            // closes both, even if one fails
        }
    }
}
