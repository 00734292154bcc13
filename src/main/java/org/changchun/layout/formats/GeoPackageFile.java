package org.changchun.layout.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import org.changchun.layout.store.geopackage.ReadOnlyGeoPackages;

/**
 * An uploaded GeoPackage: which of its tables are read. Only the feature tables gpkg_contents
 * lists are, and only real tables: a view listed there is left out (and named), as are triggers,
 * other tables and extensions the file carries, which nothing here reads or runs (the connection
 * is read-only). A table or column name that would need escaping in SQL (a double quote, a
 * control character) is refused: the library quotes names without escaping them.
 */
public final class GeoPackageFile {

    /** The feature tables to read, and the views gpkg_contents lists as features, left out. */
    public record Tables(List<String> features, List<String> views) {
    }

    private GeoPackageFile() {
    }

    /** @throws UnreadableSourceException when the file is not a GeoPackage, or names a table that is unsafe to read */
    public static Tables featureTables(Path file) {
        try (GeoPackage geoPackage = connect(file)) {
            List<String> features = new ArrayList<>();
            List<String> views = new ArrayList<>();
            for (String table : geoPackage.getFeatureTables()) {
                requirePlainName(table, "表", "the table");
                if (geoPackage.isView(table)) {
                    views.add(table);
                } else if (geoPackage.isTable(table)) {
                    features.add(table);
                }
            }
            return new Tables(features, views);
        } catch (UnreadableSourceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    static GeoPackage connect(Path file) {
        try {
            return ReadOnlyGeoPackages.open(file);
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    static void requirePlainName(String name, String whatZh, String whatEn) {
        if (name.indexOf('"') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
            throw new UnreadableSourceException(
                    "GeoPackage 中" + whatZh + "名“" + name.replaceAll("\\p{Cntrl}", "?") + "”含双引号或控制字符，无法安全读取；"
                            + "请改名后重新导出，如 ogr2ogr -f GPKG -nln 新名称 新文件.gpkg 原文件.gpkg",
                    whatEn + " name \"" + name.replaceAll("\\p{Cntrl}", "?") + "\" in the GeoPackage holds a double quote or "
                            + "a control character and cannot be read safely: rename it, e.g. ogr2ogr -f GPKG -nln "
                            + "new_name new.gpkg old.gpkg");
        }
    }

    static UnreadableSourceException unreadable(RuntimeException e) {
        if (e instanceof UnreadableSourceException unreadable) {
            return unreadable;
        }
        String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getMessage() + ": "
                + e.getCause().getMessage() : String.valueOf(e.getMessage());
        return new UnreadableSourceException("不是可读的 GeoPackage（" + why + "）；请用 GIS 软件或 ogr2ogr 重新导出",
                "not a readable GeoPackage (" + why + "): export it again from a GIS or with ogr2ogr");
    }
}
