package dev.rewind.notifier.git;

import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which release to tag as faulty after a successful rollback (runbook: "Tag faulty release in Git"): the
 * version rolled back from, in the repository configured for the target's service. Pure: no I/O.
 */
public final class FaultyReleasePlanner {

    /** The one delivery per incident on this channel. */
    public static final String NOTIFICATION = "faulty-release-tag";

    private static final Pattern OWNER_REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final String REPOSITORIES_KEY = "rewind.notifier.git.repositories";

    private final Map<String, String> repositories;
    private final TagTemplate versionTag;
    private final TagTemplate faultyTag;
    private final Set<String> environments;

    /**
     * @param repositories {@code "<namespace>/<service>" -> owner/repo}
     * @param environments the environments whose rollbacks are tagged; empty for all
     */
    public FaultyReleasePlanner(Map<String, String> repositories, TagTemplate versionTag, TagTemplate faultyTag,
                                Set<String> environments) {
        this.repositories = Map.copyOf(repositories);
        this.versionTag = versionTag;
        this.faultyTag = faultyTag;
        this.environments = Set.copyOf(environments);
    }

    /** The tag to create for {@code notice}: after a successful rollback from a known version of a known repository. */
    public Optional<Outgoing> plan(Notice notice) {
        if (!(notice.event() instanceof RollbackSucceeded)) {
            return Optional.empty();
        }
        TargetKey target = notice.incident().target();
        String version = notice.incident().fromVersion();
        String repository = repositories.get(target.namespace() + "/" + target.service());
        if (version == null || version.isBlank() || repository == null
                || !environments.isEmpty() && !environments.contains(target.environment())) {
            return Optional.empty();
        }
        Map<String, String> values = Map.of("version", version, "service", target.service(),
                "namespace", target.namespace(), "environment", target.environment());
        String releaseTag = versionTag.render(values);
        String faulty = faultyTag.render(values);
        String repositoryName = repository.trim();
        FaultyReleaseTag tag = new FaultyReleaseTag(repositoryName, version, releaseTag, faulty,
                versionTag.describe(), problem(target, repositoryName, version, releaseTag, faulty).orElse(null));
        return Optional.of(new Outgoing(NOTIFICATION,
                "Release " + version + " tagged " + faulty + " in " + repositoryName + " (Git)", tag.toJson()));
    }

    private Optional<String> problem(TargetKey target, String repository, String version, String releaseTag,
                                     String faulty) {
        if (!OWNER_REPO.matcher(repository).matches()) {
            return Optional.of(REPOSITORIES_KEY + ".\"" + target.namespace() + "/" + target.service() + "\" is '"
                    + repository + "', not owner/repo: set it to the repository's full name, such as acme/checkout");
        }
        Optional<String> template = versionTag.problem().or(faultyTag::problem);
        if (template.isPresent()) {
            return template;
        }
        Optional<String> release = RefNames.problem(releaseTag).map(why -> "the release tag '" + releaseTag
                + "' made from version '" + version + "' by " + versionTag.describe() + " is not a valid Git tag: "
                + why + "; change the template (the version is the deployed image's tag)");
        return release.or(() -> RefNames.problem(faulty).map(why -> "the faulty-release tag '" + faulty
                + "' made by " + faultyTag.describe() + " is not a valid Git tag: " + why + "; fix the template"));
    }
}
