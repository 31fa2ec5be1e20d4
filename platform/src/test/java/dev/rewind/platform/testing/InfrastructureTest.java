package dev.rewind.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfrastructureTest {

    /** dev/stack.sh's broker and database: the tests clean schemas and join consumer groups, so never these. */
    private static final int STACK_KAFKA_PORT = 9092;
    private static final int STACK_POSTGRES_PORT = 55432;

    @Test
    void testsRunAgainstABrokerAndDatabaseOfTheirOwnNeverTheDevStacks() {
        assertThat(Infrastructure.KAFKA_PORT).isNotEqualTo(STACK_KAFKA_PORT);
        assertThat(Infrastructure.POSTGRES_PORT).isNotEqualTo(STACK_POSTGRES_PORT);
    }
}
