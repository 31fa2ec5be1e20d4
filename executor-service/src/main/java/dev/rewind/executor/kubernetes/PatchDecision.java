package dev.rewind.executor.kubernetes;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.domain.ReleaseGuard;
import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Objects;

/**
 * What to do with a planned undo given the Deployment as it is right before the patch: send it (planned again around
 * writes that left the pod template alone), accept that it was already applied, or refuse because someone else
 * changed what the decision was about.
 *
 * @param plan the plan to send, for {@link Kind#PATCH}
 * @param reason why not, for {@link Kind#REFUSE}
 */
public record PatchDecision(Kind kind, UndoPlan plan, String reason) {

    /** The three outcomes. */
    public enum Kind {
        /** Send {@link #plan()}: a compare-and-set on the resourceVersion it names. */
        PATCH,
        /** The Deployment already runs the target template and this rollback's patch may have been sent: done. */
        ALREADY_APPLIED,
        /** The Deployment no longer runs what the rollback was planned from. */
        REFUSE
    }

    /**
     * Decides for {@code plan} against {@code now}.
     *
     * @param judged the release the incident judged bad; null for executions recorded before requests named it
     * @param patchMayHaveBeenSent true once this execution may have sent its patch (before a restart, or a retried
     *                             call whose answer was lost): only then is the target template its own doing
     */
    public static PatchDecision of(UndoPlan plan, Deployment now, Release judged, long incidentNumber,
                                   boolean patchMayHaveBeenSent) {
        if (DeploymentRevisions.sameTemplate(now.getSpec().getTemplate(), plan.template())) {
            if (patchMayHaveBeenSent) {
                return new PatchDecision(Kind.ALREADY_APPLIED, plan, null);
            }
            String alreadyThere = "deployment " + plan.deployment() + " already runs the template of revision "
                    + plan.toRevision() + ": rolled back meanwhile by someone else; not rolling back";
            return refuse(judged == null ? alreadyThere : ReleaseGuard.refusal(plan.deployment(),
                    DeploymentRevisions.releaseOf(now), judged, incidentNumber).orElse(alreadyThere));
        }
        if (judged != null) {
            var refusal = ReleaseGuard.refusal(plan.deployment(), DeploymentRevisions.releaseOf(now), judged,
                    incidentNumber);
            if (refusal.isPresent()) {
                return refuse(refusal.get());
            }
        }
        boolean unchanged = Objects.equals(now.getMetadata().getResourceVersion(), plan.resourceVersion());
        if (unchanged) {
            return new PatchDecision(Kind.PATCH, plan, null);
        }
        if (plan.fromTemplate() == null || plan.targetAnnotations() == null) {
            return refuse("deployment " + plan.deployment() + " changed while Rewind was rolling it back (expected "
                    + "resourceVersion " + plan.resourceVersion() + "); not patching again");
        }
        if (!DeploymentRevisions.sameTemplate(now.getSpec().getTemplate(), plan.fromTemplate())) {
            return refuse("deployment " + plan.deployment() + " got a new pod template since Rewind planned to roll "
                    + "it back from revision " + plan.fromRevision() + " (" + plan.fromVersion() + "): someone "
                    + "deployed meanwhile; not rolling back over their change");
        }
        if (Boolean.TRUE.equals(now.getSpec().getPaused())) {
            return refuse("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' "
                    + "and try again");
        }
        UndoPlan replanned = plan.methodOrKubectl() == RollbackMethod.REDEPLOY ? Redeploy.replan(plan, now)
                : KubectlUndo.replan(plan, now);
        return new PatchDecision(Kind.PATCH, replanned, null);
    }

    private static PatchDecision refuse(String reason) {
        return new PatchDecision(Kind.REFUSE, null, reason);
    }
}
