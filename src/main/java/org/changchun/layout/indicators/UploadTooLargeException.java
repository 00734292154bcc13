package org.changchun.layout.indicators;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

class UploadTooLargeException extends ApiException {

    UploadTooLargeException(long maxBytes) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "数据表超过 " + maxBytes / 1024 / 1024 + " MB；请分批上传",
                "the table is larger than " + maxBytes / 1024 / 1024 + " MB; upload it in parts");
    }
}
