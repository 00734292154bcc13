package org.changchun.layout.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.changchun.layout.geo.Reprojection;
import org.changchun.layout.geo.crs.PrjIdentifier;
import org.changchun.layout.imports.ImportProperties;
import org.changchun.layout.imports.ShapefileCrs;
import org.changchun.layout.imports.ZipArchive;
import org.changchun.layout.shapefile.DbfEncoding;
import org.changchun.layout.shapefile.InvalidShapefileException;
import org.changchun.layout.shapefile.ShapefileSet;
import org.changchun.layout.shapefile.ShapefileSets;
import org.changchun.layout.shapefile.ShapefileSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.changchun.layout.workfolders.WorkFolder;
import org.changchun.layout.workfolders.WorkFolders;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Reads a site from a zipped shapefile, as GIS staff receive one (a 红线 drawing of the site): the
 * upload is unpacked with the same limits as an import, its coordinates reprojected from what its
 * .prj (or {@code srid}) says, and its polygons taken together as one site. Nothing is kept: the
 * unpacked files are removed before the answer.
 */
@Component
class SiteShapefile {

    /** A site drawing holds a few polygons; more is a layer to review in a batch. */
    static final int MAX_RECORDS = 10_000;
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final ImportProperties limits;
    private final WorkFolder folder;

    SiteShapefile(ImportProperties limits, WorkFolders folders) {
        this.limits = limits;
        this.folder = folders.imports();
    }

    /**
     * @throws InvalidSiteException for a shapefile that is not one site (several shapefiles, too many
     *         records, lines) or cannot be read
     * @throws org.changchun.layout.imports.ImportRejectedException for an upload an import would refuse
     *         (not a zip, entries escaping the folder, too large, an unknown coordinate system)
     */
    Site read(InputStream upload, Optional<Integer> srid) {
        // unpacked beside the imports' uploads, so the same checks and sweeps apply to it
        folder.requireUsable();
        Path work;
        try {
            work = Files.createTempDirectory(folder.path(), "site-");
        } catch (IOException e) {
            throw folder.failure(e);
        }
        try {
            Path zip = work.resolve("site.zip");
            Files.copy(upload, zip);
            ZipArchive.Extracted files = ZipArchive.extract(zip, work.resolve("files"),
                    limits.maxExpandedSize().toBytes(), limits.maxEntries());
            List<ShapefileSet> sets = ShapefileSets.find(files.dir()).sets();
            if (sets.size() != 1) {
                throw new InvalidSiteException("压缩包中有 " + sets.size() + " 个 shapefile：场地须为一个 shapefile",
                        "the archive holds " + sets.size() + " shapefiles: a site is one shapefile");
            }
            return SiteGeometry.check(geometry(sets.get(0), srid));
        } catch (InvalidShapefileException e) {
            throw new InvalidSiteException(e.messageZh(), e.messageEn());
        } catch (IOException e) {
            throw folder.failure(e);
        } finally {
            delete(work);
        }
    }

    private static Geometry geometry(ShapefileSet set, Optional<Integer> srid) {
        PrjIdentifier.Identified crs = ShapefileCrs.of(set, srid);
        UnaryOperator<Geometry> toWgs84 = Reprojection.transformer(crs.epsg(), 4326);
        DbfEncoding.Detection encoding = DbfEncoding.detect(set.dbf(), set.cpg(), Optional.empty());
        List<Geometry> parts = new ArrayList<>();
        try (ShapefileSource source = ShapefileSource.open(set, encoding.charset())) {
            if (source.recordCount() > MAX_RECORDS) {
                throw new InvalidSiteException("“" + set.name() + "”有 " + source.recordCount() + " 个要素，多于一个场地可有的 "
                        + MAX_RECORDS + " 个；多个场地请导入为图层后批量审查",
                        "'" + set.name() + "' holds " + source.recordCount() + " features, more than the " + MAX_RECORDS
                                + " one site may have; import many sites as a layer and review them in a batch");
            }
            for (Iterator<ShapefileSource.Record> records = source.records(); records.hasNext(); ) {
                Geometry geometry = records.next().geometry();
                if (geometry != null && !geometry.isEmpty()) {
                    Geometry lonLat = toWgs84.apply(geometry);
                    for (int i = 0; i < lonLat.getNumGeometries(); i++) {
                        parts.add(lonLat.getGeometryN(i));
                    }
                }
            }
        }
        // one point, or the polygons of every record as one MultiPolygon (overlaps are repaired by the check)
        return parts.size() == 1 ? WGS84.createGeometry(parts.get(0)) : WGS84.buildGeometry(parts);
    }

    private static void delete(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            // the work folder is under plan.imports.work-dir, which operators may clear
        }
    }
}
