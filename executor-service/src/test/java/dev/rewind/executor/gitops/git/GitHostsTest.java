package dev.rewind.executor.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.executor.config.ExecutorConfig.GitHostSettings;
import dev.rewind.executor.config.ExecutorConfig.GitHostType;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.sandbox.git.GitHostStandIn;
import dev.rewind.sandbox.git.SandboxGit;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The GitHub, GitLab and Bitbucket clients against a local stand-in answering as their APIs do: reading a branch,
 * proposing a change (branch, commit, pull or merge request) and merging it, repeated calls, conflicts, and failures.
 * Shares the module's one Quarkus start (same test resources); each test builds its clients on its own stand-in.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class GitHostsTest {

    private static final String PROJECT = "shop/deploy";
    private static final String FILE = "apps/shop/checkout/deployment.yaml";
    private static final String BAD = "image: registry.example/shop/checkout:v1.3.0\n";
    private static final String GOOD = "image: registry.example/shop/checkout:v1.2.5\n";

    @Inject
    GitHosts hosts;

    private final SandboxGit git = new SandboxGit();
    private GitHostStandIn standIn;
    private String initial;

    /** A client's settings, as configuration would give them. */
    private record Settings(GitHostType type, URI apiUrl, List<String> repositoryUrls, String token,
                            Optional<String> username, Duration connectTimeout, Duration readTimeout)
            implements GitHostSettings {
    }

    @BeforeEach
    void start() {
        initial = git.create(PROJECT, "main", Map.of(FILE, BAD, "README.md", "deploy\n", "apps/other/x.yaml", "x\n"));
        standIn = new GitHostStandIn(git, 0, "test-token");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @ParameterizedTest
    @EnumSource(GitHostType.class)
    void readsABranchsHeadAndTheFilesUnderADirectory(GitHostType type) {
        GitSnapshot snapshot = host(type, "test-token").read(PROJECT, "main", "./apps/shop");

        assertThat(snapshot.headSha()).isEqualTo(initial);
        assertThat(snapshot.files()).containsExactly(Map.entry(FILE, BAD));
    }

    @ParameterizedTest
    @EnumSource(GitHostType.class)
    void proposesOnABranchOfTheBaseAndMergesIt(GitHostType type) {
        GitHost host = host(type, "test-token");

        ChangeRequest request = host.propose(PROJECT, change());
        assertThat(git.files(PROJECT, "main").orElseThrow()).containsEntry(FILE, BAD);
        assertThat(git.files(PROJECT, "rewind/rollback-42").orElseThrow()).containsEntry(FILE, GOOD);
        assertThat(request.merged()).isFalse();
        assertThat(request.url()).endsWith("/1");
        assertThat(request.headSha()).as("whole").isEqualTo(git.head(PROJECT, "rewind/rollback-42").orElseThrow());
        assertThat(standIn.received()).extracting(GitHostStandIn.Request::path).as("paths as each API expects them")
                .contains(switch (type) {
                    case GITHUB -> "/github/repos/shop/deploy/git/ref/heads/rewind/rollback-42";
                    case GITLAB -> "/gitlab/api/v4/projects/shop%2Fdeploy/repository/branches/rewind%2Frollback-42";
                    case BITBUCKET -> "/bitbucket/2.0/repositories/shop/deploy/refs/branches/rewind/rollback-42";
                });

        String merged = host.merge(PROJECT, request);

        assertThat(merged).isEqualTo(git.head(PROJECT, "main").orElseThrow());
        assertThat(git.files(PROJECT, "main").orElseThrow()).containsEntry(FILE, GOOD).containsKey("README.md");
        assertThat(host.merge(PROJECT, request)).as("merging again answers the merge").isEqualTo(merged);
        assertThat(host.current(PROJECT, request).mergeSha()).isEqualTo(merged);
        assertThat(host.propose(PROJECT, change())).as("a proposal repeated after the merge answers it")
                .extracting(ChangeRequest::number, ChangeRequest::mergeSha).containsExactly(request.number(), merged);
    }

    @ParameterizedTest
    @EnumSource(GitHostType.class)
    void closesAStaleRequestWithTheReasonAndLeavesAMergedOneAlone(GitHostType type) {
        GitHost host = host(type, "test-token");
        ChangeRequest stale = host.propose(PROJECT, change());

        host.close(PROJECT, stale, "Rewind did not merge this rollback: v1.4.0 runs now.");
        host.close(PROJECT, stale, "twice");

        assertThat(git.changeRequest(PROJECT, stale.number()).orElseThrow().closed()).isTrue();
        assertThat(git.comments(PROJECT, stale.number())).containsExactly("Rewind did not merge this rollback: "
                + "v1.4.0 runs now.");
        assertThat(host.current(PROJECT, stale).merged()).isFalse();
        ChangeRequest merged = host.propose(PROJECT, new ProposedChange("main", git.head(PROJECT, "main")
                .orElseThrow(), "rewind/rollback-43", Map.of(FILE, GOOD), "Roll back", "Roll back", "why"));
        host.merge(PROJECT, merged);
        host.close(PROJECT, merged, "too late");
        assertThat(git.comments(PROJECT, merged.number())).isEmpty();
        assertThat(host.current(PROJECT, merged).merged()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(GitHostType.class)
    void aRepeatedProposalReusesTheBranchAndTheRequest(GitHostType type) {
        GitHost host = host(type, "test-token");
        ChangeRequest first = host.propose(PROJECT, change());
        String head = git.head(PROJECT, "rewind/rollback-42").orElseThrow();

        ChangeRequest second = host.propose(PROJECT, change());

        assertThat(second.number()).isEqualTo(first.number());
        assertThat(git.head(PROJECT, "rewind/rollback-42")).as("no second commit").contains(head);
        assertThat(git.changeRequests(PROJECT)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(GitHostType.class)
    void aConflictWithTheBaseIsRefusedAndNothingMerged(GitHostType type) {
        GitHost host = host(type, "test-token");
        ChangeRequest request = host.propose(PROJECT, change());
        git.commit(PROJECT, "main", Map.of(FILE, "image: registry.example/shop/checkout:v1.4.0\n"), "release v1.4.0");
        String main = git.head(PROJECT, "main").orElseThrow();

        assertThatThrownBy(() -> host.merge(PROJECT, request)).isInstanceOf(GitChangeRefused.class)
                .hasMessageContaining("will not merge")
                .hasMessageContaining(type == GitHostType.BITBUCKET ? "400 Conflicts during merge" : "405");
        assertThat(git.head(PROJECT, "main")).contains(main);
    }

    @ParameterizedTest
    @EnumSource(GitHostType.class)
    void aBranchThatMovedSinceItWasProposedIsNotMerged(GitHostType type) {
        GitHost host = host(type, "test-token");
        ChangeRequest request = host.propose(PROJECT, change());
        git.commit(PROJECT, "rewind/rollback-42", Map.of("README.md", "someone else\n"), "pushed meanwhile");

        assertThatThrownBy(() -> host.merge(PROJECT, request)).isInstanceOf(GitChangeRefused.class)
                .hasMessageContaining("409");
    }

    @ParameterizedTest
    @EnumSource(GitHostType.class)
    void passingFailuresAreRetriedAndABadTokenIsNot(GitHostType type) {
        standIn.failNext(503, "Service Unavailable", 2);
        assertThat(host(type, "test-token").read(PROJECT, "main", "apps").headSha()).isEqualTo(initial);

        int before = standIn.received().size();
        assertThatThrownBy(() -> host(type, "wrong").read(PROJECT, "main", "apps"))
                .isInstanceOfSatisfying(GitHostFailed.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("401");
        assertThat(standIn.received()).hasSize(before + 1);
    }

    @ParameterizedTest
    @EnumSource(GitHostType.class)
    void aHostThatKeepsFailingFailsTransientlyOnceRetriesRanOut(GitHostType type) {
        standIn.failNext(502, "Bad Gateway", 1000);

        assertThatThrownBy(() -> host(type, "test-token").read(PROJECT, "main", "apps"))
                .isInstanceOfSatisfying(GitHostFailed.class, e -> assertThat(e.isTransient()).isTrue())
                .hasMessageContaining("502").hasMessageContaining("Bad Gateway");
    }

    @ParameterizedTest
    @EnumSource(GitHostType.class)
    void pathsThatNeedEncodingAreReadAndChanged(GitHostType type) {
        String odd = "apps/shop/blue green/config+1.yaml";
        String head = git.commit(PROJECT, "main", Map.of(odd, BAD), "a path with a space and a plus");
        GitHost host = host(type, "test-token");

        assertThat(host.read(PROJECT, "main", "apps/shop/blue green").files()).containsExactly(Map.entry(odd, BAD));
        host.propose(PROJECT, new ProposedChange("main", head, "rewind/rollback-43", Map.of(odd, GOOD), "Roll back",
                "Roll back", "Rewind rolls back"));

        assertThat(git.files(PROJECT, "rewind/rollback-43").orElseThrow()).containsEntry(odd, GOOD);
    }

    @Test
    void aMergeBitbucketFinishesAfterAnsweringIsReadBackUntilDone() {
        GitHost host = host(GitHostType.BITBUCKET, "test-token");
        ChangeRequest request = host.propose(PROJECT, change());
        standIn.acceptNext("POST", "/merge", 202);

        String merged = host.merge(PROJECT, request);

        assertThat(merged).isEqualTo(git.head(PROJECT, "main").orElseThrow());
        assertThat(merges()).as("asked once").isEqualTo(1);
    }

    @Test
    void aMergeBitbucketTimedOutOnIsAskedAgain() {
        GitHost host = host(GitHostType.BITBUCKET, "test-token");
        ChangeRequest request = host.propose(PROJECT, change());
        standIn.failNext("POST", "/merge", 555, "Merge timed out");

        String merged = host.merge(PROJECT, request);

        assertThat(merged).isEqualTo(git.head(PROJECT, "main").orElseThrow());
        assertThat(merges()).isEqualTo(2);
    }

    @Test
    void aBranchThatMovedAfterAMergeWentUnansweredIsNotMergedOnTheNextAttempt() {
        GitHost host = host(GitHostType.BITBUCKET, "test-token");
        ChangeRequest request = host.propose(PROJECT, change());
        standIn.failNextAfter("POST", "/merge", 555, "Merge timed out", () -> git.commit(PROJECT, request.branch(),
                Map.of(FILE, "image: registry.example/shop/checkout:v9.9.9\n"), "pushed meanwhile"));

        assertThatThrownBy(() -> host.merge(PROJECT, request)).isInstanceOf(GitChangeRefused.class)
                .hasMessageContaining("not at " + request.headSha() + " as proposed");
        assertThat(merges()).as("sent once, never again over the moved branch").isOne();
        assertThat(git.changeRequest(PROJECT, request.number()).orElseThrow().mergedSha()).isNull();
    }

    @Test
    void aMergeBitbucketAcceptedButNeverFinishesFailsTransientlyOnceRetriesRanOut() {
        GitHost host = host(GitHostType.BITBUCKET, "test-token");
        ChangeRequest request = host.propose(PROJECT, change());
        git.commit(PROJECT, "main", Map.of(FILE, "image: registry.example/shop/checkout:v1.4.0\n"), "release v1.4.0");
        standIn.acceptNext("POST", "/merge", 202);

        assertThatThrownBy(() -> host.merge(PROJECT, request))
                .isInstanceOfSatisfying(GitHostFailed.class, e -> assertThat(e.isTransient()).isTrue())
                .hasMessageContaining("has not finished yet: merge pull request #1");
        assertThat(git.changeRequest(PROJECT, 1).orElseThrow().mergedSha()).isNull();
    }

    @Test
    void aDirectoryBitbucketListsOverSeveralPagesIsReadWhole() {
        Map<String, String> manifests = new HashMap<>();
        for (int i = 0; i < 150; i++) {
            manifests.put("apps/many/deployment-" + i + ".yaml", "image: registry.example/many:" + i + "\n");
        }
        git.commit(PROJECT, "main", manifests, "many manifests");

        GitSnapshot snapshot = host(GitHostType.BITBUCKET, "test-token").read(PROJECT, "main", "apps/many");

        assertThat(snapshot.files()).isEqualTo(manifests);
        assertThat(standIn.received()).extracting(GitHostStandIn.Request::query).as("the next page followed")
                .anySatisfy(query -> assertThat(query).contains("page=2"));
    }

    @Test
    void bitbucketTakesAnAtlassianApiTokenWithTheAccountsEmail() {
        Optional<String> email = Optional.of("rewind@example.com");

        assertThat(host(GitHostType.BITBUCKET, email, "test-token").read(PROJECT, "main", "apps").headSha())
                .isEqualTo(initial);
        assertThatThrownBy(() -> host(GitHostType.BITBUCKET, email, "wrong").read(PROJECT, "main", "apps"))
                .isInstanceOf(GitHostFailed.class).hasMessageContaining("401 to read branch main: Unauthorized");
    }

    @ParameterizedTest
    @EnumSource(value = GitHostType.class, names = {"GITHUB", "GITLAB"})
    void aUserNameIsForBitbucketOnly(GitHostType type) {
        assertThatThrownBy(() -> host(type, Optional.of("rewind@example.com"), "test-token"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("for Bitbucket");
    }

    /** How many merges the stand-in was asked for. */
    private long merges() {
        return standIn.received().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/merge"))
                .count();
    }

    private GitHost host(GitHostType type, String token) {
        return host(type, Optional.empty(), token);
    }

    private GitHost host(GitHostType type, Optional<String> username, String token) {
        URI api = URI.create(standIn.url() + "/" + type.name().toLowerCase(Locale.ROOT));
        return hosts.create(new Settings(type, api, List.of("https://git.example/"), token, username,
                Duration.ofSeconds(2), Duration.ofSeconds(5)), new HostCalls(type.name(), Duration.ofMillis(10),
                Duration.ofMillis(50), Duration.ofMillis(5), Duration.ofSeconds(1)));
    }

    private ProposedChange change() {
        return new ProposedChange("main", initial, "rewind/rollback-42", Map.of(FILE, GOOD),
                "Roll back shop/checkout to v1.2.5", "Roll back shop/checkout to v1.2.5 (incident 42)",
                "Rewind rolls back incident 42");
    }
}
