package org.changchun.layout.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.changchun.layout.shapefile.GdalShapefiles;

/** A zipped point shapefile as GDAL writes it, big enough for an import to take a while. */
public final class PointShapefiles {

    private PointShapefiles() {
    }

    /** {@code count} points on a grid north-west of the city, named 点0, 点1…; GBK, CGCS2000 Gauss-Kruger. */
    public static Path zip(Path folder, String name, int count) throws IOException {
        StringBuilder csv = new StringBuilder("名称,WKT\n");
        for (int i = 0; i < count; i++) {
            csv.append("点").append(i).append(",\"POINT (").append(125.0 + (i % 500) * 0.001).append(' ')
                    .append(43.7 + (i / 500) * 0.001).append(")\"\n");
        }
        Path dir = Files.createDirectories(folder.resolve(name));
        GdalShapefiles.write(dir, name, csv.toString(), "-lco", "ENCODING=GBK", "-s_srs", "EPSG:4326",
                "-t_srs", "EPSG:4530");
        try (var listing = Files.list(dir)) {
            List<Path> files = listing.sorted().toList();
            return GdalShapefiles.zip(folder.resolve(name + ".zip"), StandardCharsets.UTF_8,
                    files.stream().map(f -> f.getFileName().toString()).toList(), files);
        }
    }
}
