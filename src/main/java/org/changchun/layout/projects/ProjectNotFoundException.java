package org.changchun.layout.projects;

import org.changchun.layout.problem.NotFoundException;

class ProjectNotFoundException extends NotFoundException {

    ProjectNotFoundException(String id) {
        super("项目", "project", id);
    }
}
