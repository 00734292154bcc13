package org.changchun.layout.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which columns of a CSV hold the geometry: a WKT column (wkt, geometry, geom, the_geom, shape,
 * 几何, 图形, 空间信息), else a longitude column (lon, lng, long, longitude, x, point_x, 经度, 东经)
 * with a latitude column (lat, latitude, y, point_y, 纬度, 北纬); names compared ignoring case and
 * spaces. The other columns are attributes.
 */
record CsvColumns(List<String> geometryColumns, List<String> attributeColumns) {

    private static final Set<String> WKT = Set.of("wkt", "geometry", "geom", "the_geom", "wkt_geom", "shape", "几何",
            "图形", "空间信息");
    private static final Set<String> LON = Set.of("lon", "lng", "long", "longitude", "x", "point_x", "经度", "东经");
    private static final Set<String> LAT = Set.of("lat", "latitude", "y", "point_y", "纬度", "北纬");

    static CsvColumns find(List<String> header) {
        Optional<String> wkt = named(header, WKT);
        if (wkt.isPresent()) {
            return of(header, List.of(wkt.get()));
        }
        Optional<String> lon = named(header, LON);
        Optional<String> lat = named(header, LAT);
        if (lon.isPresent() && lat.isPresent()) {
            return of(header, List.of(lon.get(), lat.get()));
        }
        throw new UnreadableSourceException(
                "CSV 中找不到坐标列：需要经度、纬度两列（如 经度/纬度、lon/lat、x/y），或一列 WKT（如 WKT、geometry）；表头为 " + header,
                "the CSV has no coordinate columns: it needs longitude and latitude columns (e.g. lon/lat, x/y, 经度/纬度) "
                        + "or a WKT column (e.g. WKT, geometry); its header is " + header);
    }

    private static CsvColumns of(List<String> header, List<String> geometry) {
        List<String> attributes = new ArrayList<>(header);
        attributes.removeAll(geometry);
        attributes.removeIf(String::isBlank);
        return new CsvColumns(List.copyOf(geometry), List.copyOf(attributes));
    }

    private static Optional<String> named(List<String> header, Set<String> names) {
        return header.stream().filter(h -> names.contains(h.replace(" ", "").toLowerCase(Locale.ROOT))).findFirst();
    }
}
