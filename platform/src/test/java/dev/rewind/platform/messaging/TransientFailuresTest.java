package dev.rewind.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventParseException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransientFailuresTest {

    @ParameterizedTest(name = "SQLSTATE {0} is transient")
    @ValueSource(strings = {"08006", "08001", "57P01", "40001", "40P01", "53300", "23505"})
    void databaseOutagesAndConflictsAreTransient(String state) {
        PersistenceException wrapped = new PersistenceException("could not execute statement",
                new SQLException("boom", state));

        assertThat(TransientFailures.isTransient(new RuntimeException(wrapped))).isTrue();
    }

    @ParameterizedTest(name = "SQLSTATE {0} is not transient")
    @ValueSource(strings = {"23502", "22001", "42P01", "42703"})
    void invalidDataAndSchemaErrorsAreNotTransient(String state) {
        assertThat(TransientFailures.isTransient(new PersistenceException(new SQLException("boom", state)))).isFalse();
    }

    @Test
    void poolTimeoutsAndRefusedConnectionsAreTransient() {
        assertThat(TransientFailures.isTransient(new IllegalStateException(
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("gone"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void aCommitCutShortByADatabaseRestartIsTransientThoughItsConnectionErrorIsOnlySuppressed() {
        // As Narayana reports it: RollbackException("Could not commit"), the XA resource's failure suppressed.
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(TransientFailures.isTransient(new IllegalStateException(rollback))).isTrue();
    }

    @Test
    void aFailureThatSuppressedOnlyPermanentOnesIsNotTransient() {
        Exception failure = new IllegalArgumentException("'target' is required");
        failure.addSuppressed(new IllegalStateException("cleanup failed"));
        assertThat(TransientFailures.isTransient(failure)).isFalse();
    }

    @Test
    void invalidEventsAndBugsAreNotTransient() {
        assertThat(TransientFailures.isTransient(new EventParseException("malformed JSON"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("'target' is required"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }
}
