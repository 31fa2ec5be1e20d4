package dev.rewind.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicPlanTest {

    @Test
    void createsOnlyTheMissingTopics() {
        TopicPlan plan = TopicPlan.of(List.of("rewind.alerts", "rewind.alerts.dlq", "rewind.incident-events"),
                Map.of("rewind.alerts", 6, "other", 1), 6);

        assertThat(plan.toCreate()).containsExactly("rewind.alerts.dlq", "rewind.incident-events");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void warnsAboutATopicWithFewerPartitionsAndLeavesIt() {
        TopicPlan plan = TopicPlan.of(List.of("rewind.alerts", "rewind.incident-events"),
                Map.of("rewind.alerts", 3, "rewind.incident-events", 12), 6);

        assertThat(plan.toCreate()).isEmpty();
        assertThat(plan.warnings()).singleElement().asString()
                .contains("rewind.alerts has 3 partitions", "asks for 6", "at most 3 instances",
                        "kafka-topics.sh --alter --partitions 6", "REWIND_TOPIC_PARTITIONS=3");
    }

    @Test
    void everyRewindTopicAndItsDeadLetterTopic() {
        assertThat(TopicSetup.rewindTopics()).contains("rewind.alerts", "rewind.alerts.dlq",
                "rewind.rollback-requests", "rewind.rollback-requests.dlq", "rewind.rollback-commands",
                "rewind.rollback-commands.dlq", "rewind.incident-events", "rewind.incident-events.dlq").hasSize(8);
    }
}
