package org.changchun.layout.imports;

import org.changchun.layout.problem.NotFoundException;

class ImportJobNotFoundException extends NotFoundException {

    ImportJobNotFoundException(String id) {
        super("导入任务", "import job", id);
    }
}
