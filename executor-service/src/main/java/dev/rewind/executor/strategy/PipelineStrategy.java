package dev.rewind.executor.strategy;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.Redeploy;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.executor.pipeline.CiPipelines;
import dev.rewind.executor.pipeline.PipelineCallFailed;
import dev.rewind.executor.pipeline.PipelineConfig;
import dev.rewind.executor.pipeline.PipelineRun;
import dev.rewind.executor.pipeline.PipelineTrigger;
import dev.rewind.executor.pipeline.PipelineUnavailable;
import dev.rewind.executor.pipeline.TriggerOutcomeUnknown;
import dev.rewind.executor.service.ExecutionLedger;
import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The runbook's Method 1, its recommended one: run the CI's custom rollback pipeline ({@code rollback-<environment>})
 * with the service and the last good version, follow the run to its result, then the Deployment's rollout, and check
 * that the Deployment runs the last good images. The run is recorded before it is waited on, and after a restart
 * found again by its {@value PipelineTrigger#EXECUTION_VARIABLE} variable, so one execution never starts two runs.
 * A run that failed, or that succeeded but left the target on the release judged bad (it deployed nothing), hands over
 * to the next method, which checks again that the target still runs that release; a run that outlived its timeout
 * does not, since it may still deploy, nor one after which the target runs some third release.
 */
@Singleton
public class PipelineStrategy implements RollbackStrategy {

    /** The Deployment annotation naming the repository of its rollback pipeline, {@code workspace/repo_slug}. */
    public static final String REPOSITORY_ANNOTATION = "rewind.dev/pipeline-repository";

    private static final Logger LOG = Logger.getLogger(PipelineStrategy.class);

    private final CiPipelines ci;
    private final PipelineConfig config;
    private final DeploymentRollbacks rollbacks;
    private final ExecutionLedger ledger;

    @Inject
    public PipelineStrategy(CiPipelines ci, PipelineConfig config, DeploymentRollbacks rollbacks,
                            ExecutionLedger ledger) {
        this.ci = ci;
        this.config = config;
        this.rollbacks = rollbacks;
        this.ledger = ledger;
    }

    @Override
    public RollbackMethod method() {
        return RollbackMethod.PIPELINE;
    }

    @Override
    public UndoPlan plan(RollbackOrder order, ObservedDeployment observed) {
        String name = observed.deployment().getMetadata().getName();
        String repository = observed.annotation(REPOSITORY_ANNOTATION);
        if (repository == null || repository.isBlank()) {
            repository = config.repositories().get(name);
        }
        if (repository == null || repository.isBlank()) {
            throw new MethodUnavailable("no rollback pipeline for deployment " + order.target().namespace() + "/"
                    + name + ": annotate it " + REPOSITORY_ANNOTATION + "=<workspace>/<repository> or set "
                    + "rewind.executor.pipeline.repositories." + name);
        }
        ci.unavailable().ifPresent(reason -> {
            throw new MethodUnavailable(reason);
        });
        Release lastGood = LastGoodRelease.of(order, observed, rollbacks);
        UndoPlan expected = Redeploy.plan(observed.deployment(), lastGood, order.incidentNumber());
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SERVICE", order.target().service());
        variables.put("VERSION", expected.toVersion() == null ? "" : expected.toVersion());
        variables.put(PipelineTrigger.EXECUTION_VARIABLE, order.executionId().toString());
        return expected.runBy(new PipelineTrigger(repository.strip(), config.ref(),
                config.pipelineFor(order.target().environment()), variables));
    }

    @Override
    public void apply(RollbackOrder order, UndoPlan plan, boolean mayHaveBeenSent) {
        if (ExecutionLedger.pipelineRunOf(ledger.load(order.executionId())).isPresent()) {
            return;
        }
        PipelineTrigger trigger = plan.pipeline();
        String execution = order.executionId().toString();
        if (mayHaveBeenSent) {
            // Triggered before a restart, perhaps, its answer never recorded: follow that run rather than start one.
            var earlier = ci.findRun(trigger.repository(), execution);
            if (earlier.isPresent()) {
                ledger.pipelineTriggered(order.executionId(), earlier.get());
                return;
            }
        }
        // Again right before the run starts: the plan may have been recorded before a restart.
        rollbacks.observe(order.target(), order.judged(), order.incidentNumber());
        PipelineRun run;
        try {
            run = ci.trigger(trigger);
        } catch (TriggerOutcomeUnknown unknown) {
            run = ci.findRun(trigger.repository(), execution).orElseThrow(() -> new RollbackRefused(
                    unknown.getMessage() + "; no run carrying " + PipelineTrigger.EXECUTION_VARIABLE + "=" + execution
                    + " was found, so none is started again and no other method runs: check the pipelines of "
                    + trigger.repository() + ", then roll back by hand if none is deploying"));
        } catch (PipelineUnavailable | PipelineCallFailed notStarted) {
            throw new MethodUnavailable(notStarted.getMessage());
        }
        ledger.pipelineTriggered(order.executionId(), run);
    }

    @Override
    public String appliedStep() {
        return "pipeline-started";
    }

    @Override
    public String applied(RollbackOrder order, UndoPlan plan) {
        PipelineRun run = recordedRun(order);
        return "pipeline " + plan.pipeline().pipeline() + " of " + plan.pipeline().repository() + " run #"
                + run.number() + " started for " + plan.toVersion() + ": " + run.url();
    }

    @Override
    public RolloutStatus follow(RollbackOrder order, UndoPlan plan) {
        ExecutionRecord execution = ledger.load(order.executionId());
        PipelineRun run = recordedRun(order);
        String named = "pipeline " + plan.pipeline().pipeline() + " run #" + run.number() + " (" + run.url() + ")";
        Instant deadline = (execution.patchSentAt == null ? Instant.now() : execution.patchSentAt)
                .plus(config.timeout());
        while (!run.phase().finished()) {
            if (Instant.now().isAfter(deadline)) {
                return new RolloutStatus(true, true, named + " still " + run.detail() + " after " + config.timeout()
                        + ": no other method runs while it may still deploy; stop it or let it finish, then check "
                        + "deployment " + plan.deployment() + " ('kubectl rollout status')");
            }
            ExecutionInterrupted.pause(config.pollInterval());
            try {
                run = ci.run(plan.pipeline().repository(), run.id());
            } catch (PipelineUnavailable | PipelineCallFailed lost) {
                return new RolloutStatus(true, true, "lost track of " + named + ": " + lost.getMessage()
                        + "; check the run, then deployment " + plan.deployment());
            }
        }
        if (run.phase() == PipelineRun.Phase.FAILED) {
            throw new MethodUnavailable(named + " did not succeed (" + run.detail() + ")");
        }
        LOG.infof("%s succeeded; following deployment %s", named, plan.deployment());
        refuseWhenNothingDeployed(order, plan, named);
        RolloutStatus rollout = rollbacks.awaitRollout(order.target(), plan, order.rolloutTimeout());
        if (rollout.failed()) {
            return rollout;
        }
        Release running = DeploymentRevisions.releaseOf(rollbacks.current(order.target()));
        Release expected = DeploymentRevisions.releaseOf(plan.toRevision(), plan.template());
        if (!running.images().equals(expected.images())) {
            return new RolloutStatus(true, true, named + " succeeded but deployment " + plan.deployment() + " runs "
                    + new TreeMap<>(running.images()) + ", not the last good " + new TreeMap<>(expected.images())
                    + ": check what the pipeline deployed");
        }
        return new RolloutStatus(true, false, named + " succeeded; " + rollout.message());
    }

    /**
     * The check of what a successful run deployed, before its rollout is followed (a bad release's own rollout may be
     * stuck): when the target still runs exactly the release judged bad, at the same generation, throughout
     * {@code settle}, the run deployed nothing and the next method takes over, checking the target again before it
     * acts. Anything else the run changed is followed and checked as its rollout.
     */
    private void refuseWhenNothingDeployed(RollbackOrder order, UndoPlan plan, String named) {
        if (order.judged() == null) {
            return;
        }
        Deployment first = rollbacks.current(order.target());
        Instant settled = Instant.now().plus(config.settle());
        Deployment now = first;
        while (DeploymentRevisions.releaseOf(now).sameAs(order.judged())
                && Objects.equals(now.getMetadata().getGeneration(), first.getMetadata().getGeneration())) {
            if (!Instant.now().isBefore(settled)) {
                throw new MethodUnavailable(named + " succeeded, but deployment " + plan.deployment() + " still runs "
                        + "the release judged bad " + new TreeMap<>(order.judged().images()) + " " + config.settle()
                        + " later: the pipeline deployed nothing");
            }
            ExecutionInterrupted.pause(config.pollInterval());
            now = rollbacks.current(order.target());
        }
    }

    private PipelineRun recordedRun(RollbackOrder order) {
        return ExecutionLedger.pipelineRunOf(ledger.load(order.executionId())).orElseThrow(
                () -> new IllegalStateException("execution " + order.executionId() + " has no pipeline run recorded"));
    }
}
