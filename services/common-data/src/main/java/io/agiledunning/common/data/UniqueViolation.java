package io.agiledunning.common.data;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in a failure's cause chain, as Hibernate
 * Reactive reports it ({@link JDBCException}, e.g. a constraint violation) or as the reactive client does
 * ({@link PgException}). A concurrent write of the same key committed first: the caller decides whether that is a
 * conflict to report or a race worth one retry.
 */
public final class UniqueViolation {

    private static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCException jdbc && SQL_STATE.equals(jdbc.getSQLState())) {
                return true;
            }
            if (t instanceof PgException pg && SQL_STATE.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
