package dev.rewind.executor.domain;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.gitops.GitOpsOwner;
import dev.rewind.executor.gitops.GitOpsPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The order in which the rollback methods are tried for one target: the method a command asked for first, then the
 * Deployment's own list (annotation {@value #ANNOTATION}) or else its environment's configured chain, restricted to
 * the methods configuration allows. The configured chain's "helm or kubectl" is settled by the Deployment: helm is
 * left out for one Helm does not manage; gitops is left out for a Deployment no GitOps controller applies, and put
 * first for one Argo CD or Flux applies from Git, whose methods that change only the cluster are left out (the
 * controller would undo them, and Git would still name the faulty release) unless its policy is to pause the sync for
 * them ({@link GitOpsPolicy#PAUSE_AND_UNDO}: gitops then comes last); its policy {@link GitOpsPolicy#REFUSE} leaves
 * both out. A list that cannot be read never blocks a rollback: the configured chain is used and the problem reported.
 *
 * @param methods the methods to try, in order; never empty
 * @param warnings what people should fix about the Deployment's list, reported as a step
 * @param leftOut methods left out before any was tried, as {@code method,method: why}: part of the reason given when
 *                none of {@code methods} can roll the target back
 */
public record MethodChain(List<RollbackMethod> methods, List<String> warnings, List<String> leftOut) {

    /** The Deployment annotation naming its methods in order, e.g. {@code pipeline,kubectl,redeploy}. */
    public static final String ANNOTATION = "rewind.dev/rollback-methods";

    public MethodChain {
        methods = List.copyOf(methods);
        warnings = List.copyOf(warnings);
        leftOut = List.copyOf(leftOut);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("a method chain needs at least one method");
        }
    }

    /** A chain that left no method out. */
    public MethodChain(List<RollbackMethod> methods, List<String> warnings) {
        this(methods, warnings, List.of());
    }

    /**
     * Resolves the chain of deployment {@code deployment}.
     *
     * @param requested the method the command asked for, or null
     * @param annotation the Deployment's {@value #ANNOTATION}, or null
     * @param configured the environment's configured chain
     * @param allowed the methods configuration allows at all
     * @param helmManaged true when Helm manages the Deployment
     * @param gitOps the GitOps resource applying the Deployment from Git, or null: the methods that change only the
     *               cluster ({@link GitOpsOwner#IN_CLUSTER}) are then left out, unless {@code policy} pauses its sync
     * @param policy how a target {@code gitOps} applies is rolled back; not read when {@code gitOps} is null
     * @throws RollbackRefused when no allowed method is left
     */
    public static MethodChain resolve(String deployment, RollbackMethod requested, String annotation,
                                      List<RollbackMethod> configured, Set<RollbackMethod> allowed,
                                      boolean helmManaged, GitOpsOwner gitOps, GitOpsPolicy policy) {
        List<String> warnings = new ArrayList<>();
        List<RollbackMethod> base = configured.stream()
                .filter(method -> method != RollbackMethod.HELM || helmManaged)
                .filter(method -> method != RollbackMethod.GITOPS || gitOps != null).toList();
        if (annotation != null && !annotation.isBlank()) {
            try {
                base = parse(annotation);
            } catch (IllegalArgumentException e) {
                warnings.add("annotation " + ANNOTATION + " on deployment " + deployment + " is not a list of methods ("
                        + e.getMessage() + "): using the configured chain " + format(configured) + "; fix it to a "
                        + "comma-separated list of " + format(List.of(RollbackMethod.values())));
            }
        }
        if (gitOps != null && policy == GitOpsPolicy.PAUSE_AND_UNDO) {
            base = Stream.concat(base.stream().filter(m -> m != RollbackMethod.GITOPS), Stream.of(RollbackMethod.GITOPS))
                    .toList();
        } else if (gitOps != null && !base.contains(RollbackMethod.GITOPS)) {
            base = Stream.concat(Stream.of(RollbackMethod.GITOPS), base.stream()).toList();
        }
        LinkedHashSet<RollbackMethod> ordered = new LinkedHashSet<>();
        if (requested != null) {
            ordered.add(requested);
        }
        ordered.addAll(base);
        List<RollbackMethod> refused = ordered.stream().filter(m -> !allowed.contains(m)).toList();
        if (!refused.isEmpty()) {
            ordered.removeAll(refused);
            warnings.add(format(refused) + " not allowed by rewind.executor.allowed-methods (" + format(
                    List.copyOf(allowed)) + "): skipped for deployment " + deployment);
        }
        if (ordered.isEmpty()) {
            throw new RollbackRefused("no allowed rollback method for deployment " + deployment + ": "
                    + String.join("; ", warnings));
        }
        List<String> leftOut = new ArrayList<>();
        if (gitOps != null && policy == GitOpsPolicy.REFUSE) {
            refuseGitOps(deployment, ordered, gitOps, warnings, leftOut);
        } else if (gitOps != null && policy == GitOpsPolicy.PAUSE_AND_UNDO
                && ordered.stream().anyMatch(GitOpsOwner.IN_CLUSTER::contains)) {
            warnings.add("deployment " + deployment + " is managed by " + gitOps.describe() + ", and this is an "
                    + "emergency: " + gitOps.kind().title() + " " + gitOps.name() + "'s sync is paused while "
                    + format(ordered.stream().filter(GitOpsOwner.IN_CLUSTER::contains).toList()) + " roll it back in "
                    + "the cluster, then Git is changed to match and the sync resumed once that change is merged");
        } else if (gitOps != null) {
            leaveOutInCluster(deployment, ordered, gitOps, warnings, leftOut);
        }
        return new MethodChain(List.copyOf(ordered), warnings, leftOut);
    }

    /**
     * Leaves out what changes Git or the cluster for a Deployment {@code gitOps} applies, whose policy is to refuse;
     * refuses when no other method (a team's rollback pipeline) is left.
     */
    private static void refuseGitOps(String deployment, LinkedHashSet<RollbackMethod> ordered, GitOpsOwner gitOps,
                                     List<String> warnings, List<String> leftOut) {
        List<RollbackMethod> refused = ordered.stream().filter(m -> m == RollbackMethod.GITOPS
                || GitOpsOwner.IN_CLUSTER.contains(m)).toList();
        String refusal = "deployment " + deployment + " is managed by " + gitOps.describe() + ", and its GitOps "
                + "strategy is " + GitOpsPolicy.REFUSE.spelled() + " (rewind.executor.gitops.strategy, or annotation "
                + GitOpsPolicy.ANNOTATION + "): Rewind changes neither Git nor the cluster for it; roll back in Git "
                + "(revert the release's commit) and let it sync";
        ordered.removeAll(refused);
        if (ordered.isEmpty()) {
            throw new RollbackRefused(refusal);
        }
        if (!refused.isEmpty()) {
            warnings.add(format(refused) + " skipped: " + refusal);
            leftOut.add(format(refused) + ": " + refusal);
        }
    }

    /**
     * Leaves the in-cluster methods out of {@code ordered} for a Deployment {@code gitOps} applies from Git, saying
     * so; refuses when no other method is left.
     */
    private static void leaveOutInCluster(String deployment, LinkedHashSet<RollbackMethod> ordered, GitOpsOwner gitOps,
                                          List<String> warnings, List<String> leftOut) {
        List<RollbackMethod> inCluster = ordered.stream().filter(GitOpsOwner.IN_CLUSTER::contains).toList();
        String refusal = gitOps.inClusterRefusal(deployment, inCluster);
        ordered.removeAll(inCluster);
        if (ordered.isEmpty()) {
            throw new RollbackRefused(refusal);
        }
        if (!inCluster.isEmpty()) {
            warnings.add(format(inCluster) + " skipped: " + refusal);
            leftOut.add(format(inCluster) + ": " + refusal);
        }
        warnings.add("deployment " + deployment + " is managed by " + gitOps.describe() + ": " + format(
                List.copyOf(ordered)) + " must roll it back through Git, or " + gitOps.kind().title() + " "
                + gitOps.name() + " may set it back");
    }

    /** Parses {@code pipeline, kubectl,REDEPLOY}: names in any case, separated by commas. */
    public static List<RollbackMethod> parse(String list) {
        List<RollbackMethod> methods = new ArrayList<>();
        for (String name : list.split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                methods.add(RollbackMethod.valueOf(trimmed.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a method");
            }
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("it names no method");
        }
        return methods;
    }

    /** The chain as stored and read by people: {@code pipeline,kubectl,redeploy}. */
    public static String format(List<RollbackMethod> methods) {
        return methods.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    /** Reads a chain written by {@link #format}. */
    public static List<RollbackMethod> stored(String column) {
        return Arrays.stream(column.split(",")).map(s -> RollbackMethod.valueOf(s.strip().toUpperCase(Locale.ROOT)))
                .toList();
    }
}
