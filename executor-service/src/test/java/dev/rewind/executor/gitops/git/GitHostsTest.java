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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The GitHub and GitLab clients against a local stand-in answering as their APIs do: reading a branch, proposing a
 * change (branch, commit, pull or merge request) and merging it, repeated calls, conflicts, and failures. Shares the
 * module's one Quarkus start (same test resources); each test builds its clients on its own stand-in.
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
                            Duration connectTimeout, Duration readTimeout) implements GitHostSettings {
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
        assertThat(standIn.received()).extracting(GitHostStandIn.Request::path).as("paths as each API expects them")
                .contains(type == GitHostType.GITHUB ? "/github/repos/shop/deploy/git/ref/heads/rewind/rollback-42"
                        : "/gitlab/api/v4/projects/shop%2Fdeploy/repository/branches/rewind%2Frollback-42");

        String merged = host.merge(PROJECT, request);

        assertThat(merged).isEqualTo(git.head(PROJECT, "main").orElseThrow());
        assertThat(git.files(PROJECT, "main").orElseThrow()).containsEntry(FILE, GOOD).containsKey("README.md");
        assertThat(host.merge(PROJECT, request)).as("merging again answers the merge").isEqualTo(merged);
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
                .hasMessageContaining("will not merge").hasMessageContaining("405");
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

    private GitHost host(GitHostType type, String token) {
        URI api = URI.create(standIn.url() + (type == GitHostType.GITHUB ? "/github" : "/gitlab"));
        return hosts.create(new Settings(type, api, List.of("https://git.example/"), token, Duration.ofSeconds(2),
                Duration.ofSeconds(5)), new HostCalls(type.name(), Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofMillis(5), Duration.ofSeconds(1)));
    }

    private ProposedChange change() {
        return new ProposedChange("main", initial, "rewind/rollback-42", Map.of(FILE, GOOD),
                "Roll back shop/checkout to v1.2.5", "Roll back shop/checkout to v1.2.5 (incident 42)",
                "Rewind rolls back incident 42");
    }
}
