package org.changchun.layout.imports;

import java.util.Optional;
import org.changchun.layout.formats.DeclaredCrs;
import org.changchun.layout.geo.crs.ChinaExtent;
import org.changchun.layout.geo.crs.PrjIdentifier;
import org.locationtech.jts.geom.Envelope;

/**
 * The coordinate system of a layer in a format other than shapefile: the EPSG code given as
 * {@code srid}; else what the file declares (a GeoPackage's gpkg_spatial_ref_sys, a GeoJSON's crs
 * member or RFC 7946's WGS 84, a .prj beside a CSV), a WKT definition identified as a shapefile's
 * .prj is; else, for a file that declares nothing (a CSV), the coordinates themselves: degrees
 * are WGS 84 lon/lat, and projected numbers get the code {@link ChinaExtent} finds for them (a
 * Gauss-Kruger zone from the eastings' prefix, Web Mercator), as it suggests for a shapefile whose
 * .prj does not fit its numbers. Anything else is refused, asking for {@code srid}.
 */
final class SourceCrs {

    private SourceCrs() {
    }

    static PrjIdentifier.Identified of(String name, DeclaredCrs declared, Optional<Integer> srid, Envelope extent) {
        if (srid.isPresent()) {
            return ShapefileCrs.given(srid.get());
        }
        if (declared.epsg().isPresent()) {
            int epsg = declared.epsg().getAsInt();
            ShapefileCrs.requireKnown(epsg, declared.whereZh(), declared.whereEn());
            return new PrjIdentifier.Identified(epsg, "EPSG:" + epsg, "由" + declared.whereZh() + "确定",
                    "from " + declared.whereEn());
        }
        if (declared.wkt().isPresent()) {
            String wkt = declared.wkt().get();
            return PrjIdentifier.identify(wkt).orElseThrow(() -> new ImportRejectedException(
                    "无法识别“" + name + "”的坐标系（" + declared.whereZh() + "）：请用 srid 参数指定 EPSG 代码",
                    "the coordinate system of '" + name + "' (" + declared.whereEn() + ") is not one this service "
                            + "recognises: give its EPSG code as srid. It says: " + ShapefileCrs.abbreviate(wkt)));
        }
        return fromCoordinates(name, declared, extent);
    }

    private static PrjIdentifier.Identified fromCoordinates(String name, DeclaredCrs declared, Envelope extent) {
        String range = extent.isNull() ? "" : String.format(" [%.3f, %.3f, %.3f, %.3f]", extent.getMinX(),
                extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        if (!extent.isNull() && Math.abs(extent.getMinX()) <= 180 && Math.abs(extent.getMaxX()) <= 180
                && Math.abs(extent.getMinY()) <= 90 && Math.abs(extent.getMaxY()) <= 90) {
            return new PrjIdentifier.Identified(4326, "WGS 84",
                    declared.whereZh() + "；坐标都在经纬度范围内" + range + "，按 WGS 84 经纬度读取（与 CGCS2000 相差不到 1 米；如不对请用 srid 指定）",
                    declared.whereEn() + "; every coordinate is within lon/lat range" + range + ": read as WGS 84 "
                            + "lon/lat (within a metre of CGCS2000; give srid if that is wrong)");
        }
        Optional<ChinaExtent.Hint> hint = extent.isNull() ? Optional.empty()
                : ChinaExtent.check(new Envelope(), extent, 4326);
        if (hint.isPresent() && hint.get().suggestedEpsg().isPresent()) {
            int epsg = hint.get().suggestedEpsg().getAsInt();
            return new PrjIdentifier.Identified(epsg, "EPSG:" + epsg,
                    declared.whereZh() + "；坐标范围" + range + "是以米为单位的投影坐标，按 EPSG:" + epsg
                            + " 正好落在中国境内，据此读取；如不对请用 srid 指定",
                    declared.whereEn() + "; the coordinates" + range + " are projected metres that EPSG:" + epsg
                            + " puts inside China, so they are read as that; give srid if that is wrong");
        }
        throw new ImportRejectedException(
                "无法确定“" + name + "”的坐标系（" + declared.whereZh() + "，坐标范围" + range + "）：请用 srid 参数指定 EPSG 代码（如 4490、4530）",
                "the coordinate system of '" + name + "' cannot be told (" + declared.whereEn() + ", coordinates"
                        + range + "): give its EPSG code as srid (e.g. 4490 for CGCS2000, 4530 for CGCS2000 GK zone 42)");
    }
}
