package dev.rewind.notifier.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.notifier.channel.SendResult;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The GitHub edge against a scripted API: each call is named {@code GET ref tags/v1.3.0}, {@code GET tag <sha>}... */
class GitHubHostTest {

    private static final String COMMIT = "4f2dbc96b0514e429d7f6eaf9b8c7d65aa11bb22";
    private static final String TAG_OBJECT = "9e3f4c20b15d4c8e7f6a5b43aa11bb22cc33dd44";
    private static final FaultyReleaseTag TAG = new FaultyReleaseTag("acme/checkout", "v1.3.0", "v1.3.0",
            "rewind/faulty/v1.3.0", "rewind.notifier.git.version-tag='{version}'", null);

    private final ScriptedGitHub github = new ScriptedGitHub();
    private final GitHubHost host = new GitHubHost(github, "ghp-test");

    @Test
    void aLightweightReleaseTagsCommitGetsTheFaultyTag() {
        github.script = call -> switch (call) {
            case "GET ref tags/v1.3.0" -> json(200, ref("refs/tags/v1.3.0", "commit", COMMIT));
            case "POST refs refs/tags/rewind/faulty/v1.3.0 " + COMMIT -> json(201,
                    ref("refs/tags/rewind/faulty/v1.3.0", "commit", COMMIT));
            default -> unexpected(call);
        };

        assertThat(host.tag(TAG)).isEqualTo(new SendResult.Delivered("acme/checkout:rewind/faulty/v1.3.0"));
        assertThat(github.calls).containsExactly("GET ref tags/v1.3.0",
                "POST refs refs/tags/rewind/faulty/v1.3.0 " + COMMIT);
        assertThat(github.authorizations).containsOnly("Bearer ghp-test");
        assertThat(github.repositories).containsOnly("acme/checkout");
    }

    @Test
    void anAnnotatedReleaseTagIsFollowedToItsCommit() {
        github.script = call -> switch (call) {
            case "GET ref tags/v1.3.0" -> json(200, ref("refs/tags/v1.3.0", "tag", TAG_OBJECT));
            case "GET tag " + TAG_OBJECT -> json(200, "{\"sha\":\"" + TAG_OBJECT + "\",\"tag\":\"v1.3.0\","
                    + "\"object\":{\"type\":\"commit\",\"sha\":\"" + COMMIT + "\"}}");
            case "POST refs refs/tags/rewind/faulty/v1.3.0 " + COMMIT -> json(201, "{}");
            default -> unexpected(call);
        };

        assertThat(host.tag(TAG)).isInstanceOf(SendResult.Delivered.class);
        assertThat(github.calls).contains("POST refs refs/tags/rewind/faulty/v1.3.0 " + COMMIT);
    }

    @Test
    void aTagAlreadyOnTheSameCommitIsDelivered() {
        github.script = call -> switch (call) {
            case "GET ref tags/v1.3.0" -> json(200, ref("refs/tags/v1.3.0", "commit", COMMIT));
            case "POST refs refs/tags/rewind/faulty/v1.3.0 " + COMMIT -> alreadyExists();
            case "GET ref tags/rewind/faulty/v1.3.0" -> json(200, ref("refs/tags/rewind/faulty/v1.3.0", "commit",
                    COMMIT));
            default -> unexpected(call);
        };

        assertThat(host.tag(TAG)).isEqualTo(new SendResult.Delivered("acme/checkout:rewind/faulty/v1.3.0"));
    }

    @Test
    void aTagAlreadyOnAnotherCommitIsRefusedWithWhatToDo() {
        github.script = call -> switch (call) {
            case "GET ref tags/v1.3.0" -> json(200, ref("refs/tags/v1.3.0", "commit", COMMIT));
            case "POST refs refs/tags/rewind/faulty/v1.3.0 " + COMMIT -> alreadyExists();
            case "GET ref tags/rewind/faulty/v1.3.0" -> json(200, ref("refs/tags/rewind/faulty/v1.3.0", "commit",
                    "0000000000000000000000000000000000000abc"));
            default -> unexpected(call);
        };

        assertThat(refusal(host.tag(TAG))).contains("tag rewind/faulty/v1.3.0 already exists in acme/checkout",
                "0000000000000000000000000000000000000abc", COMMIT, "delete or rename the old tag");
    }

    @Test
    void aMissingReleaseTagIsRefusedWithTheTemplateToSet() {
        github.script = call -> call.equals("GET ref tags/v1.3.0") ? json(404, "{\"message\":\"Not Found\"}")
                : unexpected(call);

        assertThat(refusal(host.tag(TAG))).contains("no tag v1.3.0 in acme/checkout",
                "set rewind.notifier.git.version-tag", "rewind.notifier.git.version-tag='{version}'");
        assertThat(github.calls).containsExactly("GET ref tags/v1.3.0");
    }

    @Test
    void aPlannedProblemIsRefusedWithoutCallingGitHub() {
        FaultyReleaseTag broken = new FaultyReleaseTag("checkout", "v1.3.0", "v1.3.0", "rewind/faulty/v1.3.0",
                "rewind.notifier.git.version-tag='{version}'", "rewind.notifier.git.repositories... is 'checkout'");

        assertThat(refusal(host.tag(broken))).isEqualTo("rewind.notifier.git.repositories... is 'checkout'");
        assertThat(github.calls).isEmpty();
    }

    @Test
    void anotherUnprocessableAnswerIsRefusedWithGitHubsWords() {
        github.script = call -> call.startsWith("GET ref") ? json(200, ref("refs/tags/v1.3.0", "commit", COMMIT))
                : json(422, "{\"message\":\"Object does not exist\"}");

        assertThat(refusal(host.tag(TAG))).contains("GitHub answered 422", "Object does not exist");
    }

    @Test
    void aServerErrorOrA429IsTriedAgainAndA429SaysWhen() {
        github.script = call -> Response.status(502).build();
        assertThat(host.tag(TAG)).isInstanceOf(SendResult.Retry.class);

        github.script = call -> Response.status(429).header("Retry-After", "7").build();
        SendResult limited = host.tag(TAG);
        assertThat(limited).isInstanceOf(SendResult.Retry.class);
        assertThat(((SendResult.Retry) limited).after()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRateLimited403IsTriedAgainAfterTheReset() {
        long reset = Instant.now().plusSeconds(120).getEpochSecond();
        github.script = call -> Response.status(403).header("x-ratelimit-remaining", "0")
                .header("x-ratelimit-reset", Long.toString(reset)).build();

        SendResult result = host.tag(TAG);

        assertThat(result).isInstanceOf(SendResult.Retry.class);
        assertThat(((SendResult.Retry) result).after()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
    }

    @Test
    void aBadTokenIsRefusedNamingTheTokensSetting() {
        github.script = call -> json(401, "{\"message\":\"Bad credentials\"}");

        assertThat(refusal(host.tag(TAG))).contains("GitHub answered 401", "Bad credentials",
                "rewind.notifier.git.token (GIT_TOKEN)", "acme/checkout");
    }

    @Test
    void noAnswerIsTriedAgain() {
        github.script = call -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        };

        assertThat(host.tag(TAG)).isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void aTagNameKeepsItsSlashesAndEscapesTheRest() {
        assertThat(GitHubHost.escape("rewind/faulty/v1.3.0")).isEqualTo("rewind/faulty/v1.3.0");
        assertThat(GitHubHost.escape("v1.3.0+build#7")).isEqualTo("v1.3.0%2Bbuild%237");
    }

    private static String ref(String ref, String type, String sha) {
        return "{\"ref\":\"" + ref + "\",\"object\":{\"type\":\"" + type + "\",\"sha\":\"" + sha + "\"}}";
    }

    private static Response alreadyExists() {
        return json(422, "{\"message\":\"Reference already exists\",\"status\":\"422\"}");
    }

    private static Response json(int status, String body) {
        return Response.status(status).entity(body).build();
    }

    private static Response unexpected(String call) {
        throw new AssertionError("unexpected call " + call);
    }

    private static String refusal(SendResult result) {
        assertThat(result).isInstanceOf(SendResult.Refused.class);
        return ((SendResult.Refused) result).reason();
    }

    /** A GitHub answering as {@code script} says, recording each call. */
    static final class ScriptedGitHub implements GitHubApi {

        Function<String, Response> script = GitHubHostTest::unexpected;
        final List<String> calls = new ArrayList<>();
        final List<String> authorizations = new ArrayList<>();
        final List<String> repositories = new ArrayList<>();

        @Override
        public Response ref(String authorization, String owner, String repo, String ref) {
            return call(authorization, owner, repo, "GET ref " + ref);
        }

        @Override
        public Response tagObject(String authorization, String owner, String repo, String sha) {
            return call(authorization, owner, repo, "GET tag " + sha);
        }

        @Override
        public Response createRef(String authorization, String owner, String repo, NewRef ref) {
            return call(authorization, owner, repo, "POST refs " + ref.ref() + " " + ref.sha());
        }

        private Response call(String authorization, String owner, String repo, String call) {
            calls.add(call);
            authorizations.add(authorization);
            repositories.add(owner + "/" + repo);
            return script.apply(call);
        }
    }
}
