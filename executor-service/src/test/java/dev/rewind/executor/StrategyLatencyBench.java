package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.chainCommand;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.outcomeOf;
import static dev.rewind.executor.pipeline.BitbucketStubResource.bitbucket;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.executor.domain.MethodChain;
import dev.rewind.executor.pipeline.BitbucketStub;
import dev.rewind.executor.pipeline.BitbucketStubResource;
import dev.rewind.executor.strategy.PipelineStrategy;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: for each rollback method, how long from the command's publication to the method's one
 * change reaching its system (the patch at the Kubernetes API, the trigger at the CI), through Kafka, the executor's
 * inbox, plan, ledger and re-checks. Run with {@code bench/strategy-latency.sh}; it asserts nothing and writes its
 * numbers to {@code executor-service/target/bench/strategy-latency.txt}.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
@WithTestResource(BitbucketStubResource.class)
class StrategyLatencyBench extends KafkaClientTest {

    private static final int WARM_UP = 3;
    private static final int RUNS = Integer.getInteger("rewind.bench.runs", 20);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void commandToChangePerMethod() throws IOException {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "command published -> the method's change "
                + "received (ms), %d runs after %d warm-up, per method%n", RUNS, WARM_UP));
        report.append(line("kubectl", measure(target -> deployAnnotated(target, "kubectl"), StrategyLatencyBench::patch)));
        report.append(line("redeploy", measure(target -> deployAnnotated(target, "redeploy"),
                StrategyLatencyBench::patch)));
        report.append(line("helm", measure(StrategyLatencyBench::installHelmRelease, StrategyLatencyBench::patch)));
        report.append(line("pipeline", measure(target -> {
            deployAnnotated(target, "pipeline");
            annotate(target, PipelineStrategy.REPOSITORY_ANNOTATION, "acme/" + target.service());
            return null;
        }, StrategyLatencyBench::trigger)));
        Path out = Path.of("target/bench/strategy-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    private List<Double> measure(Function<TargetKey, Void> seed, Function<TargetKey, OptionalLong> changeReceived) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            TargetKey target = uniqueTarget("development");
            seed.apply(target);
            RollbackApproved command = chainCommand(target, null);
            long sent = System.nanoTime();
            kafka.send(Topics.ROLLBACK_COMMANDS, command);
            long received = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                    .until(() -> changeReceived.apply(target), OptionalLong::isPresent).getAsLong();
            if (i >= WARM_UP) {
                millis.add((received - sent) / 1_000_000.0);
            }
            finish(target, command);
        }
        return millis;
    }

    /** Lets the pipeline's run end as the others do, so that no execution is left waiting on it. */
    private void finish(TargetKey target, RollbackApproved command) {
        bitbucket.newestRunOf("acme/" + target.service()).ifPresent(run -> {
            Rollbacks.release(target, "v1.2.5");
            bitbucket.setState(run, "COMPLETED", "SUCCESSFUL", null);
        });
        outcomeOf(kafka, target, command.incidentId(), IncidentEvent.class);
    }

    private static Void deployAnnotated(TargetKey target, String methods) {
        deploy(target, "v1.2.5", "v1.3.0");
        annotate(target, MethodChain.ANNOTATION, methods);
        return null;
    }

    private static Void installHelmRelease(TargetKey target) {
        Rollbacks.installHelmRelease(target, "v1.2.5", "v1.3.0");
        annotate(target, MethodChain.ANNOTATION, "helm");
        return null;
    }

    private static OptionalLong patch(TargetKey target) {
        return KubernetesSandboxResource.sandbox.deploymentPatches(target.namespace(), target.service()).stream()
                .mapToLong(write -> write.receivedNanos()).findFirst();
    }

    private static OptionalLong trigger(TargetKey target) {
        return bitbucket.requests("POST").stream().filter(r -> r.rawPath().contains("/acme/" + target.service() + "/"))
                .mapToLong(BitbucketStub.Request::receivedNanos).findFirst();
    }

    private static void annotate(TargetKey target, String key, String value) {
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getMetadata().getAnnotations().put(key, value);
                    return d;
                });
    }

    private static String line(String method, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "%-8s median %6.1f  p90 %6.1f  worst %6.1f  best %6.1f%n", method,
                percentile(sorted, 50), percentile(sorted, 90), sorted.get(sorted.size() - 1), sorted.get(0));
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
