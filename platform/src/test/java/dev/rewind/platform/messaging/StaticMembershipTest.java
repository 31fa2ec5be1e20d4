package dev.rewind.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaticMembershipTest {

    private static final Map<String, Object> CONSUMER = Map.of("group.id", "executor-service",
            "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    private static final Map<String, Object> PRODUCER = Map.of(
            "key.serializer", "org.apache.kafka.common.serialization.StringSerializer");

    @Test
    void aNamedInstancesConsumerJoinsAsThatInstanceAndChannel() {
        assertThat(StaticMembership.withMembership(Optional.of("executor-7d9f-x2"), "rollback-commands", CONSUMER))
                .containsEntry("group.instance.id", "executor-7d9f-x2.rollback-commands")
                .containsEntry("group.id", "executor-service");
    }

    @Test
    void eachChannelOfOneInstanceIsItsOwnMember() {
        Object commands = StaticMembership.withMembership(Optional.of("executor-1"), "rollback-commands", CONSUMER)
                .get("group.instance.id");
        Object events = StaticMembership.withMembership(Optional.of("executor-1"), "incident-events", CONSUMER)
                .get("group.instance.id");
        assertThat(commands).isNotEqualTo(events);
    }

    @Test
    void anUnnamedInstanceStaysDynamic() {
        assertThat(StaticMembership.withMembership(Optional.empty(), "rollback-commands", CONSUMER))
                .doesNotContainKey("group.instance.id");
        assertThat(new StaticMembership(Optional.of("  ")).customize("rollback-commands", null, CONSUMER))
                .doesNotContainKey("group.instance.id");
    }

    @Test
    void producersAreLeftAlone() {
        assertThat(StaticMembership.withMembership(Optional.of("executor-1"), "outbox", PRODUCER)).isEqualTo(PRODUCER);
    }

    @Test
    void aMemberNameSetForTheChannelIsKept() {
        Map<String, Object> configured = new java.util.HashMap<>(CONSUMER);
        configured.put("group.instance.id", "chosen");
        assertThat(StaticMembership.withMembership(Optional.of("executor-1"), "rollback-commands", configured))
                .containsEntry("group.instance.id", "chosen");
    }

    @Test
    void aNameKafkaWouldRefuseIsRefusedAtStartWithWhatToDo() {
        assertThatThrownBy(() -> StaticMembership.withMembership(Optional.of("executor 1/a"), "rollback-commands",
                CONSUMER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REWIND_INSTANCE_ID").hasMessageContaining("letters, digits");
    }
}
