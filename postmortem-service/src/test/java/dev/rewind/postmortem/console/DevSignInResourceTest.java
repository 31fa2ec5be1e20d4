package dev.rewind.postmortem.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the development sign-in refuses: a name it cannot use, no roles, or a role it does not offer. */
class DevSignInResourceTest {

    private static final List<String> OFFERED = List.of("rewind-viewer", "rewind-approver");
    private static final String NAME_RULE = "name: letters, digits, '.', '_', '@' or '-', at most 64, such as alice";

    @Test
    void aPlainNameWithOfferedRolesSignsIn() {
        assertThat(DevSignInResource.problem("alice", Set.of("rewind-viewer"), OFFERED)).isEmpty();
        assertThat(DevSignInResource.problem("alice", Set.copyOf(OFFERED), OFFERED)).isEmpty();
    }

    @Test
    void aNameMayHoldLettersDigitsDotsUnderscoresAtSignsAndDashes() {
        assertThat(DevSignInResource.problem("Jane.Doe_2@example-corp.com", Set.of("rewind-viewer"), OFFERED))
                .isEmpty();
        assertThat(DevSignInResource.problem("7", Set.of("rewind-viewer"), OFFERED)).isEmpty();
    }

    @Test
    void aNameMayBeSixtyFourCharactersButNoMore() {
        assertThat(DevSignInResource.problem("a".repeat(64), Set.of("rewind-viewer"), OFFERED)).isEmpty();
        assertThat(DevSignInResource.problem("a".repeat(65), Set.of("rewind-viewer"), OFFERED)).contains(NAME_RULE);
    }

    @Test
    void anEmptyNameOrOneStartingWithPunctuationOrHoldingSpacesOrMarkupIsRefused() {
        for (String name : List.of("", ".alice", "-alice", "@alice", "al ice", "alice<script>", "alice/admin",
                "älice")) {
            assertThat(DevSignInResource.problem(name, Set.of("rewind-viewer"), OFFERED)).as(name).contains(NAME_RULE);
        }
    }

    @Test
    void signingInWithoutARoleIsRefused() {
        assertThat(DevSignInResource.problem("alice", Set.of(), OFFERED)).contains("roles: choose at least one");
    }

    @Test
    void theNameIsCheckedBeforeTheRoles() {
        assertThat(DevSignInResource.problem("", Set.of(), OFFERED)).contains(NAME_RULE);
    }

    @Test
    void aRoleTheSignInDoesNotOfferIsRefusedByName() {
        assertThat(DevSignInResource.problem("alice", Set.of("rewind-viewer", "root"), OFFERED))
                .contains("roles: 'root' is not one of [rewind-viewer, rewind-approver]");
    }
}
