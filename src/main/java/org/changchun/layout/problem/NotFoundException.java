package org.changchun.layout.problem;

import org.springframework.http.HttpStatus;

/** Something the caller named by id does not exist (404). */
public class NotFoundException extends ApiException {

    protected NotFoundException(String whatZh, String whatEn, String id) {
        super(HttpStatus.NOT_FOUND, "找不到" + whatZh + "“" + id + "”", "no " + whatEn + " with id '" + id + "'");
    }
}
