package org.changchun.layout.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.changchun.layout.geo.Reprojection;
import org.changchun.layout.geo.crs.PrjIdentifier;
import org.changchun.layout.shapefile.ShapefileSet;

/**
 * Which coordinate system a shapefile's coordinates are in: the EPSG code given as {@code srid}, or
 * the one its {@code .prj} names. Shared by imports and by anything else that reads an uploaded
 * shapefile (e.g. a site to review).
 */
public final class ShapefileCrs {

    private ShapefileCrs() {
    }

    /**
     * @throws ImportRejectedException for an unknown srid, a missing or unreadable .prj, or one naming
     *         a coordinate system this service does not know
     */
    public static PrjIdentifier.Identified of(ShapefileSet set, Optional<Integer> srid) {
        if (srid.isPresent()) {
            return given(srid.get());
        }
        if (set.prj().isEmpty()) {
            throw new ImportRejectedException("“" + set.name() + "”缺少 .prj 文件，无法确定坐标系：请补上 .prj，或用 srid 参数指定 EPSG 代码（如 4490、4530）",
                    "'" + set.name() + "' has no .prj, so its coordinate system is unknown: add the .prj, or give "
                            + "the EPSG code as srid (e.g. 4490 for CGCS2000, 4530 for CGCS2000 3-degree GK zone 42)");
        }
        String wkt;
        try {
            wkt = Files.readString(set.prj().get(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ImportRejectedException(".prj 无法读取", "the .prj cannot be read: " + e.getMessage());
        }
        return PrjIdentifier.identify(wkt).orElseThrow(() -> new ImportRejectedException(
                "无法识别“" + set.name() + "”的 .prj 坐标系：请用 srid 参数指定 EPSG 代码",
                "the coordinate system in the .prj of '" + set.name() + "' is not one this service recognises: give "
                        + "its EPSG code as srid. The .prj says: " + abbreviate(wkt)));
    }

    /** The EPSG code given as srid, once it is known to be a coordinate system this service can reproject. */
    static PrjIdentifier.Identified given(int epsg) {
        requireKnown(epsg, "srid", "srid");
        return new PrjIdentifier.Identified(epsg, "EPSG:" + epsg, "由 srid 参数指定", "given as srid");
    }

    /** @param whatZh what names the code, e.g. srid, or the file's crs member */
    static void requireKnown(int epsg, String whatZh, String whatEn) {
        try {
            Reprojection.crs(epsg);
        } catch (IllegalArgumentException e) {
            throw new ImportRejectedException("未知的坐标系：" + whatZh + " EPSG:" + epsg + "；请用 srid 参数指定已知的 EPSG 代码",
                    "unknown " + whatEn + ": EPSG:" + epsg + " is not a coordinate system this service knows; give a "
                            + "known EPSG code as srid");
        }
    }

    static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
