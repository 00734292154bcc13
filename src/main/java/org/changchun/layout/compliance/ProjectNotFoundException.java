package org.changchun.layout.compliance;

import org.changchun.layout.problem.NotFoundException;

/** No project of the library has the id a review names (404). */
class ProjectNotFoundException extends NotFoundException {

    ProjectNotFoundException(String id) {
        super("项目", "project", id);
    }
}
