package org.changchun.layout.workfolders;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service's two work folders, for the features that write in them and for health. The paths
 * are read from the imports' and exports' settings by name, as this package sits below both.
 */
@Component
public class WorkFolders {

    private final WorkFolder imports;
    private final WorkFolder exports;

    WorkFolders(@Value("${plan.imports.work-dir}") Path imports, @Value("${plan.exports.work-dir}") Path exports,
                WorkFolderProperties properties) {
        this.imports = new WorkFolder("plan.imports.work-dir", imports, properties.minFreeSpace());
        this.exports = new WorkFolder("plan.exports.work-dir", exports, properties.minFreeSpace());
    }

    /** Where uploads are unpacked while they are checked and imported. */
    public WorkFolder imports() {
        return imports;
    }

    /** Where shapefile and GeoPackage exports are written before they are sent. */
    public WorkFolder exports() {
        return exports;
    }
}
