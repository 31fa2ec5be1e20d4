package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox's Job controller: Jobs start, then complete or, marked so, fail as kubectl wait reads them. */
class SimulatedJobControllerTest {

    private final CrudApiServer server = new CrudApiServer();
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final SimulatedJobController jobs =
            new SimulatedJobController(server.client(), Duration.ofSeconds(2), clock);

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aJobStartsThenCompletesAfterItsRunTime() {
        create("migrate", Map.of());

        jobs.reconcileAll();
        Job started = job("migrate");
        assertThat(started.getStatus().getStartTime()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(started.getStatus().getActive()).isEqualTo(1);
        assertThat(started.getStatus().getConditions()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        jobs.reconcileAll();
        assertThat(job("migrate").getStatus()).isEqualTo(started.getStatus());

        clock.advance(Duration.ofSeconds(1));
        jobs.reconcileAll();
        Job done = job("migrate");
        assertThat(done.getStatus().getSucceeded()).isEqualTo(1);
        assertThat(done.getStatus().getActive()).isNull();
        assertThat(done.getStatus().getCompletionTime()).isEqualTo("2030-01-01T00:00:02Z");
        assertThat(condition(done, "Complete").getStatus()).isEqualTo("True");
    }

    @Test
    void aJobMarkedToFailFailsWithBackoffLimitExceeded() {
        create("migrate-broken", Map.of(SimulatedDeploymentController.SIMULATE, SimulatedJobController.JOB_FAILS));

        jobs.reconcileAll();
        clock.advance(Duration.ofSeconds(2));
        jobs.reconcileAll();

        Job failed = job("migrate-broken");
        assertThat(failed.getStatus().getFailed()).isEqualTo(1);
        assertThat(failed.getStatus().getSucceeded()).isNull();
        assertThat(failed.getStatus().getCompletionTime()).isNull();
        JobCondition condition = condition(failed, "Failed");
        assertThat(condition.getStatus()).isEqualTo("True");
        assertThat(condition.getReason()).isEqualTo("BackoffLimitExceeded");
        assertThat(condition.getMessage()).isEqualTo("Job has reached the specified backoff limit");
    }

    @Test
    void aFinishedJobIsLeftAlone() {
        create("migrate-once", Map.of());
        jobs.reconcileAll();
        clock.advance(Duration.ofSeconds(2));
        jobs.reconcileAll();
        String version = job("migrate-once").getMetadata().getResourceVersion();

        clock.advance(Duration.ofSeconds(10));
        jobs.reconcileAll();

        assertThat(job("migrate-once").getMetadata().getResourceVersion()).isEqualTo(version);
    }

    private void create(String name, Map<String, String> templateAnnotations) {
        server.client().batch().v1().jobs().inNamespace("shop").resource(new JobBuilder()
                .withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withBackoffLimit(0)
                .withNewTemplate().withNewMetadata().withAnnotations(templateAnnotations).endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("migrate").withImage("registry.example/shop/cart:v1").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
    }

    private Job job(String name) {
        return server.client().batch().v1().jobs().inNamespace("shop").withName(name).get();
    }

    private static JobCondition condition(Job job, String type) {
        return job.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " condition in " + job.getStatus()));
    }
}
