package org.changchun.layout.imports;

import org.changchun.layout.problem.ApiException;
import org.changchun.layout.store.ConcurrentLayerWriteException;
import org.changchun.layout.store.DatabaseFailures;

/**
 * Why an import failed, as its job says it: the real cause and what to do, in Chinese and English.
 * A job whose database went away says so, not that the service stopped.
 */
final class JobFailures {

    record Reason(String messageZh, String messageEn, boolean expected) {
    }

    private JobFailures() {
    }

    static Reason of(RuntimeException e) {
        if (e instanceof ApiException api) {
            return new Reason(api.messageZh(), api.messageEn(), true);
        }
        if (e instanceof ConcurrentLayerWriteException) {
            return new Reason("另一次写入同时替换了该图层，本次导入未生效；请稍后重试",
                    "another write replaced the layer at the same time, so this import was not applied; try again", true);
        }
        if (DatabaseFailures.unavailable(e)) {
            return new Reason("导入过程中数据库无法连接（连接中断或等待超时），本次导入未写入任何内容；"
                    + "请在数据库恢复后（/actuator/health 显示 UP）重新导入",
                    "the database became unreachable during the import (connection lost or timed out), so it wrote "
                            + "nothing; import again once the database is back (/actuator/health says UP)", true);
        }
        if (DatabaseFailures.statementTimedOut(e)) {
            return new Reason("导入过程中数据库语句超时被取消，本次导入未写入任何内容；请在数据库较空闲时重新导入，"
                    + "或请管理员检查数据库的 statement_timeout / lock_timeout",
                    "a database statement timed out during the import and was cancelled, so it wrote nothing; import "
                            + "again when the database is less busy, or ask its administrator about statement_timeout "
                            + "and lock_timeout", true);
        }
        if (DatabaseFailures.diskFull(e)) {
            return new Reason("数据库服务器磁盘已满，本次导入未写入任何内容；请管理员腾出空间后重新导入",
                    "the database server's disk is full, so the import wrote nothing; import again once an "
                            + "administrator has freed space", true);
        }
        return new Reason("导入失败，未写入任何内容：" + e.getMessage(),
                "the import failed and wrote nothing: " + e.getMessage(), false);
    }
}
