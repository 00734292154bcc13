package org.changchun.layout.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * Reads the WKB a feature table returns into JTS geometries in the tables' SRID. A two-dimensional
 * point, what the biggest layers hold, is read straight from its 21 bytes: JTS's reader sets up
 * each geometry (a set of its ordinates, a byte order) before its coordinates, which was a twentieth
 * of the Java time of a page of items.
 */
final class StoredGeometryReader {

    private static final int POINT_WKB_LENGTH = 21;
    private static final int WKB_POINT = 1;

    private final GeometryFactory factory;
    private final WKBReader reader;

    StoredGeometryReader(GeometryFactory factory) {
        this.factory = factory;
        this.reader = new WKBReader(factory);
    }

    Geometry read(ResultSet rows, int column) throws SQLException {
        return read(rows.getBytes(column));
    }

    Geometry read(byte[] wkb) {
        try {
            Geometry point = plainPoint(wkb);
            Geometry geometry = point != null ? point : reader.read(wkb);
            geometry.setSRID(factory.getSRID());
            return geometry;
        } catch (ParseException | RuntimeException e) {
            throw new DataRetrievalFailureException("stored geometry is not valid WKB", e);
        }
    }

    /**
     * The point these bytes are if they are a 2D point with coordinates, null otherwise (an empty point
     * has NaN coordinates in WKB; JTS's reader makes it empty).
     */
    private Geometry plainPoint(byte[] wkb) {
        if (wkb == null || wkb.length != POINT_WKB_LENGTH || (wkb[0] != 0 && wkb[0] != 1)) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.wrap(wkb).order(wkb[0] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        double x = bytes.getDouble(5);
        double y = bytes.getDouble(13);
        if (bytes.getInt(1) != WKB_POINT || Double.isNaN(x) || Double.isNaN(y)) {
            return null;
        }
        return factory.createPoint(new Coordinate(x, y));
    }
}
