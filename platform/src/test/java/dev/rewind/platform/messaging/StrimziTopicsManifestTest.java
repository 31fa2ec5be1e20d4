package dev.rewind.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The KafkaTopic resources of k8s/strimzi-topics, for where an operator manages the topics instead of the services:
 * exactly the topics the services would create, with the partitions they would give them; and the component that
 * stops the services from creating them.
 */
class StrimziTopicsManifestTest {

    private static final Path MANIFEST = Path.of("../k8s/strimzi-topics/kafka-topics.yaml");
    private static final Path NO_CREATION = Path.of("../k8s/components/operator-managed-topics/kustomization.yaml");
    private static final Pattern VALUE = Pattern.compile("^\\s*%s: (\\S+)$", Pattern.MULTILINE);

    @Test
    void theManifestDeclaresEveryTopicTheServicesNeedAndNoOther() throws IOException {
        List<String> declared = values("topicName");

        assertThat(declared).containsExactlyInAnyOrderElementsOf(TopicSetup.rewindTopics());
        assertThat(values("name")).as("each resource named after its topic").isEqualTo(declared);
    }

    @Test
    void eachTopicHasThePartitionsTheServicesWouldCreateAndIsReplicated() throws IOException {
        Properties defaults = PlatformDefaults.load();
        String configured = defaults.getProperty("rewind.kafka.topics.partitions").replaceAll(".*:(\\d+)}", "$1");

        assertThat(values("partitions")).hasSize(TopicSetup.rewindTopics().size()).containsOnly(configured);
        assertThat(values("replicas")).hasSize(TopicSetup.rewindTopics().size()).containsOnly("3");
        assertThat(values("min.insync.replicas")).hasSize(TopicSetup.rewindTopics().size()).containsOnly("2");
    }

    @Test
    void theOperatorManagedComponentTurnsCreationAtStartOff() throws IOException {
        assertThat(Files.readString(NO_CREATION)).contains("name: rewind-config",
                "path: /data/REWIND_TOPIC_CREATE", "value: \"false\"");
    }

    private static List<String> values(String field) throws IOException {
        Matcher matcher = Pattern.compile(VALUE.pattern().formatted(Pattern.quote(field)), Pattern.MULTILINE)
                .matcher(Files.readString(MANIFEST));
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
