package dev.rewind.platform.messaging;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure that will pass (the database restarting, a connection lost, a lock conflict) from one that will
 * not (a record that is invalid or cannot be processed). Only the latter may dead-letter a record.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes and codes that say "try again": connection exceptions (08), insufficient resources (53),
     * operator intervention such as a shutdown (57P0x), serialization failure and deadlock (40001, 40P01), and a
     * unique violation (23505) lost to a concurrent consumer of the same event, which a retry resolves.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "23505");

    private TransientFailures() {
    }

    /**
     * True when {@code failure}, or anything that caused it or was suppressed by it, is a failure that retrying can
     * overcome. Suppressed ones count: a commit cut short by a database restart is a RollbackException whose
     * connection error is only suppressed (the XA resource's), not its cause.
     */
    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isTransient(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof ConnectException || t instanceof SocketTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql && transientSql(sql)) {
            return true;
        }
        if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isTransient(suppressed, seen)) {
                return true;
            }
        }
        return isTransient(t.getCause(), seen);
    }

    private static boolean transientSql(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal, the connection pool, reports an exhausted or unreachable database without a SQLSTATE.
            String message = String.valueOf(sql.getMessage());
            return message.contains("Acquisition timeout") || message.contains("Connection refused");
        }
        return TRANSIENT_STATES.contains(state) || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    }
}
