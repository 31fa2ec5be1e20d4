package dev.rewind.detector.config;

import dev.rewind.detector.domain.GuardRules;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** The guards that turn a "roll back" decision into "declined, needs a human". */
@ConfigMapping(prefix = "rewind.detector.guards")
public interface GuardsConfig {

    /** After an automatic rollback of a target, how long new alerts about it are declined rather than rolled back. */
    @WithDefault("30m")
    Duration cooldown();

    /** A release deployed longer ago than this is not rolled back automatically: its deploy did not cause the fault. */
    @WithDefault("24h")
    Duration recentDeployWindow();

    Infrastructure infrastructure();

    Loop loop();

    /** When a fault looks like infrastructure rather than the target's release. */
    interface Infrastructure {
        /** How far back other targets' incidents count. */
        @WithDefault("10m")
        Duration window();

        /** Other targets of the environment, none recently deployed, whose incidents make it infrastructure. */
        @WithDefault("2")
        int otherTargets();

        /** The alert label saying an alert is node- or cluster-level ({@code node}, {@code cluster}). */
        @WithDefault("rewind_scope")
        String scopeLabel();

        /** Alert names that are always about infrastructure (kube-prometheus's node and control-plane alerts). */
        @WithDefault("KubeNodeNotReady,KubeNodeUnreachable,KubeletDown,KubeAPIDown,KubeAPIErrorBudgetBurn,"
                + "KubeSchedulerDown,KubeControllerManagerDown,NodeFilesystemSpaceFillingUp,"
                + "NodeFilesystemAlmostOutOfSpace,NodeNetworkReceiveErrs,NodeNetworkTransmitErrs,"
                + "NodeClockNotSynchronising,NodeHighNumberConntrackEntriesUsed")
        Set<String> alertnames();
    }

    /** No rollback loops beyond the cooldown. */
    interface Loop {
        /** The period over which a target's rollbacks are counted. */
        @WithDefault("24h")
        Duration window();

        /** Rollbacks of one target within the window after which the next is held for a person. */
        @WithDefault("3")
        int maxRollbacks();
    }

    /** The guards' numbers as the domain takes them. */
    default GuardRules rules() {
        return new GuardRules(recentDeployWindow(), infrastructure().window(), infrastructure().otherTargets(),
                cooldown(), loop().window(), loop().maxRollbacks());
    }
}
