package org.changchun.layout.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a failure says about the database, decided in one place for the error answers and the
 * periodic tasks alike.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * The database cannot be reached or is shutting down: no connection from the pool (SQLState
     * class 08, or a pool timeout, also when a transaction could not begin for want of one), or the
     * server going away (57P01–57P03). Trying again later can succeed, so callers answer 503 or
     * skip a periodic run rather than report a fault.
     */
    public static boolean unavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            // a statement failed on a lost connection, and then so did the rollback, whose failure is what is thrown
            if (cause instanceof TransactionSystemException rollback && rollback.getOriginalException() != null
                    && unavailable(rollback.getOriginalException())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** A request that waited past its bound for a turn at rationed work ({@link StoreBusyException}). */
    public static boolean busy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreBusyException) {
                return true;
            }
        }
        return false;
    }

    /** A statement cancelled for running too long: SQLState 57014 in PostgreSQL and H2 alike. */
    public static boolean statementTimedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "57014".equals(sql.getSQLState())
                    || cause instanceof QueryTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The database server has no room left to write: SQLState 53100 ({@code disk_full}) in PostgreSQL. */
    public static boolean diskFull(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
