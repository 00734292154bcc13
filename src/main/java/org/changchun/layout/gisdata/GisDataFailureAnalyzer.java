package org.changchun.layout.gisdata;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Replaces the stack trace of a start-up stopped by a broken data file with what to fix. */
class GisDataFailureAnalyzer extends AbstractFailureAnalyzer<GisDataException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GisDataException cause) {
        return new FailureAnalysis(
                "规划数据文件有误，服务未启动 / The plan data could not be loaded, so the service did not start.\n\n"
                        + "    file:    gis-data/" + cause.file() + "\n"
                        + "    problem: " + cause.problem(),
                "修正该文件后重新启动；各文件格式见 gis-data/README.md / "
                        + "Fix that file and start again; gis-data/README.md describes each file's format.",
                cause);
    }
}
