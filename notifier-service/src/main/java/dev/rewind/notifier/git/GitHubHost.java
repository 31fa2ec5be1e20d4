package dev.rewind.notifier.git;

import static dev.rewind.notifier.git.GitHubAnswers.VENDOR;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventJson;
import dev.rewind.notifier.channel.HttpAnswers;
import dev.rewind.notifier.channel.SendResult;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Tags a faulty release on GitHub: reads the release tag's commit ({@code GET git/ref/tags/<tag>}, then the tag
 * object when the tag is annotated) and creates the faulty tag there ({@code POST git/refs}).
 */
public final class GitHubHost implements GitHost {

    /** An annotated tag may tag another tag; a longer chain than this is taken as a loop. */
    private static final int MAX_TAG_CHAIN = 5;

    private final GitHubApi api;
    private final String authorization;

    public GitHubHost(GitHubApi api, String token) {
        this.api = api;
        this.authorization = "Bearer " + token;
    }

    @Override
    public String name() {
        return VENDOR;
    }

    @Override
    public SendResult tag(FaultyReleaseTag tag) {
        if (tag.problem() != null) {
            return new SendResult.Refused(tag.problem());
        }
        String[] ownerRepo = tag.repository().split("/", 2);
        Repository repository = new Repository(ownerRepo[0], ownerRepo[1]);
        try {
            Lookup release = commitOf(repository, tag.releaseTag());
            if (release.missing()) {
                return new SendResult.Refused("no tag " + tag.releaseTag() + " in " + tag.repository()
                        + " for the faulty version " + tag.version() + ": set rewind.notifier.git.version-tag to how "
                        + "this repository names its release tags (now " + tag.versionTag() + "), or check "
                        + "rewind.notifier.git.repositories names the right repository (GitHub also answers 404 "
                        + "when the token cannot read it)");
            }
            if (release.failure() != null) {
                return release.failure();
            }
            return create(repository, tag, release.commit());
        } catch (ProcessingException unreachable) {
            return HttpAnswers.unreachable(VENDOR, unreachable);
        }
    }

    private SendResult create(Repository repository, FaultyReleaseTag tag, String commit) {
        String ref = "refs/tags/" + tag.faultyTag();
        try (Response created = api.createRef(authorization, repository.owner, repository.name,
                new GitHubApi.NewRef(ref, commit))) {
            if (created.getStatus() != 422) {
                return GitHubAnswers.of(created, tag.reference(), tag.repository());
            }
            String body = bodyOf(created);
            if (!body.contains("Reference already exists")) {
                return new SendResult.Refused(VENDOR + " answered 422 to creating " + ref + " in "
                        + tag.repository() + ": " + body);
            }
        }
        // Already there: delivered when it marks the same commit (this send was made before and its answer lost).
        Lookup existing = commitOf(repository, tag.faultyTag());
        if (existing.failure() != null) {
            return existing.failure();
        }
        if (existing.missing()) {
            return new SendResult.Retry(null, "tag " + tag.faultyTag() + " in " + tag.repository()
                    + " was said to exist but cannot be read; trying again");
        }
        if (existing.commit().equals(commit)) {
            return new SendResult.Delivered(tag.reference());
        }
        return new SendResult.Refused("tag " + tag.faultyTag() + " already exists in " + tag.repository()
                + " on commit " + existing.commit() + ", but release " + tag.releaseTag() + " is commit " + commit
                + ": delete or rename the old tag, or put {environment} or {service} in "
                + "rewind.notifier.git.faulty-tag");
    }

    /** The commit a tag marks, following annotated tags to what they tag. */
    private Lookup commitOf(Repository repository, String tagName) {
        JsonNode object;
        try (Response ref = api.ref(authorization, repository.owner, repository.name, "tags/" + escape(tagName))) {
            if (ref.getStatus() == 404) {
                return Lookup.notFound();
            }
            if (ref.getStatus() != 200) {
                return Lookup.failed(GitHubAnswers.of(ref, null, repository.toString()));
            }
            object = jsonOf(ref).path("object");
        }
        for (int depth = 0; "tag".equals(object.path("type").asText()) && depth < MAX_TAG_CHAIN; depth++) {
            try (Response annotated = api.tagObject(authorization, repository.owner, repository.name,
                    object.path("sha").asText())) {
                if (annotated.getStatus() != 200) {
                    return Lookup.failed(GitHubAnswers.of(annotated, null, repository.toString()));
                }
                object = jsonOf(annotated).path("object");
            }
        }
        String type = object.path("type").asText();
        String sha = object.path("sha").asText();
        if (!"commit".equals(type) || sha.isEmpty()) {
            return Lookup.failed(new SendResult.Refused("tag " + tagName + " in " + repository + " marks a "
                    + (type.isEmpty() ? "nothing GitHub named" : type) + ", not a commit: tag the release's commit"));
        }
        return Lookup.found(sha);
    }

    /** Each part of a tag name escaped for the URL; its '/' kept, as GitHub reads {@code tags/release/v1}. */
    static String escape(String tagName) {
        return Arrays.stream(tagName.split("/", -1))
                .map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    private static JsonNode jsonOf(Response response) {
        try {
            return EventJson.mapper().readTree(bodyOf(response));
        } catch (IOException unreadable) {
            throw new ProcessingException(VENDOR + " answered " + response.getStatus() + " with a body that is not "
                    + "JSON: " + unreadable.getMessage(), unreadable);
        }
    }

    private static String bodyOf(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        return body == null ? "" : body;
    }

    private record Repository(String owner, String name) {
        @Override
        public String toString() {
            return owner + "/" + name;
        }
    }

    /** A tag's commit, or that there is no such tag, or why it could not be read. */
    private record Lookup(String commit, boolean missing, SendResult failure) {
        static Lookup found(String commit) {
            return new Lookup(commit, false, null);
        }

        static Lookup notFound() {
            return new Lookup(null, true, null);
        }

        static Lookup failed(SendResult failure) {
            return new Lookup(null, false, failure);
        }
    }
}
