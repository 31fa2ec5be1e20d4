package dev.rewind.approval.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.approval.domain.Approver;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlackIdentitiesTest {

    private static final Set<String> ROLES = Set.of("oncall", "team-lead", "reviewer", "developer");

    @Test
    void aMappedSlackUserVotesAsTheirRewindIdentity() {
        SlackIdentities identities = new SlackIdentities(
                Map.of("U024BE7LH", new Approver("alice", Set.of("oncall"))), ROLES);

        assertThat(identities.approver("U024BE7LH")).contains(new Approver("alice", Set.of("oncall")));
    }

    @Test
    void anUnmappedSlackUserHasNoIdentity() {
        SlackIdentities identities = new SlackIdentities(
                Map.of("U024BE7LH", new Approver("alice", Set.of("oncall"))), ROLES);

        assertThat(identities.approver("U0STRANGER")).isEmpty();
        assertThat(identities.approver(null)).isEmpty();
    }

    @Test
    void aMappingNamingARoleNobodyCanHoldIsRefused() {
        assertThatThrownBy(() -> new SlackIdentities(
                Map.of("U024BE7LH", new Approver("alice", Set.of("on-call"))), ROLES))
                .hasMessageContaining("U024BE7LH=on-call")
                .hasMessageContaining("rewind.approval.slack.users.<id>.roles");
    }
}
