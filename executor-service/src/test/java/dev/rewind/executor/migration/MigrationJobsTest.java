package dev.rewind.executor.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.kubernetes.MigrationMark;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationJobsTest {

    private static final String EXECUTION = "4f2dbc96-b051-4e42-9d7f-6eaf9b8c7d65";

    @Test
    void theJobIsTheTemplateWithItsPlaceholdersFilledAndANameFixedByTheExecution() throws IOException {
        String template = Files.readString(Path.of("src/test/resources/migration-job.yaml"));

        Job job = MigrationJobs.fromTemplate(template, "shop", "checkout", "v1.3.0", "v1.2.5", EXECUTION);

        assertThat(job.getMetadata().getName()).isEqualTo("checkout-migrate-4f2dbc96");
        assertThat(job.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(job.getMetadata().getLabels()).containsEntry("app", "checkout")
                .containsEntry(MigrationJobs.EXECUTION_LABEL, EXECUTION);
        var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example/shop/checkout:v1.3.0");
        assertThat(container.getArgs()).containsExactly("migrate", "--down-to", "v1.2.5", "--execution", EXECUTION);
    }

    @Test
    void aLongServiceNameIsCutToAValidObjectName() {
        assertThat(MigrationJobs.nameOf("s".repeat(70), EXECUTION)).hasSize(63).endsWith("-migrate-4f2dbc96");
    }

    @Test
    void aTemplateThatIsNotAJobIsRefused() {
        assertThatThrownBy(() -> MigrationJobs.fromTemplate("kind: Job\nmetadata:\n  name: x\n", "shop", "checkout",
                "v2", "v1", EXECUTION)).hasMessageContaining("not a Job manifest with a pod template");
    }

    @Test
    void theOutcomeIsReadFromTheJobsConditionsAsKubectlWaitDoes() {
        assertThat(MigrationJobs.outcome(new JobBuilder().build())).isEmpty();
        assertThat(MigrationJobs.outcome(new JobBuilder().withNewStatus().withActive(1).endStatus().build())).isEmpty();
        assertThat(MigrationJobs.outcome(new JobBuilder().withNewStatus().addNewCondition().withType("Complete")
                .withStatus("True").endCondition().endStatus().build())).hasValueSatisfying(o ->
                assertThat(o.succeeded()).isTrue());
        assertThat(MigrationJobs.outcome(new JobBuilder().withNewStatus().addNewCondition().withType("Failed")
                .withStatus("True").withReason("BackoffLimitExceeded").withMessage("Job has reached the specified "
                        + "backoff limit").endCondition().endStatus().build())).hasValueSatisfying(o -> {
                            assertThat(o.succeeded()).isFalse();
                            assertThat(o.detail()).isEqualTo("BackoffLimitExceeded: Job has reached the specified "
                                    + "backoff limit");
                        });
    }

    @Test
    void theMarkIsReadFromTheAnnotationAndAnythingElseIsRefused() {
        assertThat(MigrationMark.of(null)).isEqualTo(MigrationMark.NONE);
        assertThat(MigrationMark.of(Map.of(MigrationMark.ANNOTATION, " Reversible"))).isEqualTo(
                MigrationMark.REVERSIBLE);
        assertThat(MigrationMark.of(Map.of(MigrationMark.ANNOTATION, "irreversible"))).isEqualTo(
                MigrationMark.IRREVERSIBLE);
        assertThatThrownBy(() -> MigrationMark.of(Map.of(MigrationMark.ANNOTATION, "maybe")))
                .hasMessage("annotation rewind.dev/migration is 'maybe'; it must be reversible, irreversible or none");
    }
}
