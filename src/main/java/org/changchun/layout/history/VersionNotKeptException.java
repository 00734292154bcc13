package org.changchun.layout.history;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

/** A comparison names a version the layer does not keep, or there is no earlier one to compare with (404). */
class VersionNotKeptException extends ApiException {

    private VersionNotKeptException(String messageZh, String messageEn) {
        super(HttpStatus.NOT_FOUND, messageZh, messageEn);
    }

    static VersionNotKeptException of(String layerId, long version) {
        return new VersionNotKeptException("图层“" + layerId + "”没有保留版本 " + version
                        + "（可比较的版本见 /api/layers/" + layerId + "/versions）",
                "layer '" + layerId + "' keeps no version " + version + " (the versions it keeps: /api/layers/"
                        + layerId + "/versions)");
    }

    static VersionNotKeptException nothingBefore(String layerId, long version) {
        return new VersionNotKeptException("图层“" + layerId + "”在版本 " + version + " 之前没有保留的版本，无可比较",
                "layer '" + layerId + "' keeps no version older than " + version + " to compare it with");
    }
}
