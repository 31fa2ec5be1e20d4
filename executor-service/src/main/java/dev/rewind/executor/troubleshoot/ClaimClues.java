package dev.rewind.executor.troubleshoot;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The volume claims the Deployment's pods mount that are missing, Pending or Lost (the runbook's scenario 3). */
final class ClaimClues {

    private ClaimClues() {
    }

    /** The claims the pod template and the pods mount, by name. */
    static Set<String> mounted(Deployment deployment, List<Pod> pods) {
        Set<String> names = new LinkedHashSet<>();
        addClaims(deployment.getSpec().getTemplate().getSpec(), names);
        pods.forEach(pod -> addClaims(pod.getSpec(), names));
        return names;
    }

    /** {@code warnings}: recent Warning events, whose latest about a Pending claim says why it is. */
    static List<Clue> of(Set<String> mounted, List<PersistentVolumeClaim> claims, List<Event> warnings) {
        List<Clue> clues = new ArrayList<>();
        for (String name : mounted) {
            String subject = "pvc " + name;
            Optional<PersistentVolumeClaim> claim = claims.stream()
                    .filter(c -> name.equals(c.getMetadata().getName())).findFirst();
            if (claim.isEmpty()) {
                clues.add(new Clue(Finding.Kind.VOLUME_CLAIM, subject,
                        "persistentvolumeclaim \"" + name + "\" not found",
                        "The pods mount a claim that does not exist: create it, or fix the volume's claimName."));
                continue;
            }
            String phase = claim.get().getStatus() == null ? null : claim.get().getStatus().getPhase();
            String storageClass = claim.get().getSpec() == null ? null : claim.get().getSpec().getStorageClassName();
            if ("Pending".equals(phase)) {
                String why = latestWarning(name, warnings).map(e -> ": " + e.getReason() + ": " + e.getMessage())
                        .orElse("");
                clues.add(new Clue(Finding.Kind.VOLUME_CLAIM, subject,
                        "Pending (storage class " + (storageClass == null ? "default" : storageClass) + ")" + why,
                        "No volume is bound to it: check that its StorageClass exists and its provisioner runs, or "
                                + "that a PersistentVolume matches its size and access modes (kubectl describe pvc "
                                + name + ")."));
            } else if ("Lost".equals(phase)) {
                clues.add(new Clue(Finding.Kind.VOLUME_CLAIM, subject,
                        "Lost: its PersistentVolume " + claim.get().getSpec().getVolumeName() + " no longer exists",
                        "The data is gone from the cluster: restore the volume from backup, or recreate the claim."));
            }
        }
        return clues;
    }

    private static Optional<Event> latestWarning(String claim, List<Event> warnings) {
        return warnings.stream()
                .filter(e -> e.getInvolvedObject() != null
                        && "PersistentVolumeClaim".equals(e.getInvolvedObject().getKind())
                        && claim.equals(e.getInvolvedObject().getName()))
                .max(Comparator.comparing(EventTimes::lastSeen));
    }

    private static void addClaims(PodSpec spec, Set<String> names) {
        if (spec == null || spec.getVolumes() == null) {
            return;
        }
        for (Volume volume : spec.getVolumes()) {
            if (volume.getPersistentVolumeClaim() != null) {
                names.add(volume.getPersistentVolumeClaim().getClaimName());
            }
        }
    }
}
