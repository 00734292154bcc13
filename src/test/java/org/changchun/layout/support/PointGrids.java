package org.changchun.layout.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.changchun.layout.feature.Feature;
import org.changchun.layout.store.FeatureStore;
import org.changchun.layout.feature.FieldSpec;
import org.changchun.layout.feature.FieldType;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.feature.LayerSpec;
import org.changchun.layout.store.WriteProgress;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Imported layers of points on a grid: ten to a row from 125.1 E, rows from a given latitude, 0.05
 * degrees apart (about 9 pixels at zoom 8, so each point has a merge cell of its own), named 点0, 点1…
 */
public final class PointGrids {

    private PointGrids() {
    }

    /** Writes (or replaces) layer {@code layerId} with {@code count} such points from {@code south} N. */
    public static void write(FeatureStore store, String layerId, String titleZh, String titleEn, int count,
                             double south) {
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        List<Feature> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new Feature("p" + i, Map.of("名称", "点" + i), wgs84.createPoint(
                    new Coordinate(125.1 + (i % 10) * 0.05, south + (i / 10) * 0.05))));
        }
        store.writeLayer(new LayerSpec(new LayerDescription(layerId, LayerKind.IMPORTED, titleZh, titleEn, null,
                null, "test", "exact", null), List.of(new FieldSpec("名称", FieldType.STRING, "名称", "Name")),
                layerId + "@" + south), points.iterator(), WriteProgress.NONE);
    }

    /**
     * Writes (or replaces) layer {@code layerId} with a block of {@code columns} × {@code rows} points,
     * {@code stepEast} and {@code stepNorth} degrees apart from ({@code west}, {@code south}), named 点0,
     * 点1… with ids p0, p1…,
     * and a lone point with id {@code lone} named 孤点 at ({@code loneLon}, {@code loneLat}).
     */
    public static void writeBlock(FeatureStore store, String layerId, String titleZh, String titleEn, int columns,
                                  int rows, double west, double south, double stepEast, double stepNorth,
                                  double loneLon, double loneLat) {
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        Iterator<Feature> points = new Iterator<>() {
            private int next = 0;

            @Override
            public boolean hasNext() {
                return next <= columns * rows;
            }

            @Override
            public Feature next() {
                int i = next++;
                if (i == columns * rows) {
                    return new Feature("lone", Map.of("名称", "孤点"), wgs84.createPoint(new Coordinate(loneLon, loneLat)));
                }
                return new Feature("p" + i, Map.of("名称", "点" + i), wgs84.createPoint(
                        new Coordinate(west + (i % columns) * stepEast, south + (i / columns) * stepNorth)));
            }
        };
        store.writeLayer(new LayerSpec(new LayerDescription(layerId, LayerKind.IMPORTED, titleZh, titleEn, null,
                null, "test", "exact", null), List.of(new FieldSpec("名称", FieldType.STRING, "名称", "Name")),
                layerId + "@" + columns + "x" + rows), points, WriteProgress.NONE);
    }
}
