package org.changchun.layout.shapefile;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The files of one shapefile: the three it cannot do without and the two it may have.
 * {@code name} is the file name without its extension, as the user named the layer.
 */
public record ShapefileSet(String name, Path shp, Path shx, Path dbf, Optional<Path> prj, Optional<Path> cpg) {

    public ShapefileSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shp, "shp");
        Objects.requireNonNull(shx, "shx");
        Objects.requireNonNull(dbf, "dbf");
        Objects.requireNonNull(prj, "prj");
        Objects.requireNonNull(cpg, "cpg");
    }
}
