package dev.rewind.notifier.git;

import dev.rewind.notifier.channel.NotificationChannel;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.channel.SendResult;
import dev.rewind.notifier.channel.SentBefore;
import dev.rewind.notifier.channel.VendorClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The runbook's "Tag faulty release in Git": after a successful rollback, tags the commit of the release rolled back
 * from ({@code rewind/faulty/v1.3.0}) in the service's configured repository.
 */
@ApplicationScoped
public class GitTagChannel implements NotificationChannel {

    /** The channel's name in deliveries, metrics and events. */
    public static final String NAME = "git";

    private static final Logger LOG = Logger.getLogger(GitTagChannel.class);

    private final FaultyReleasePlanner planner;
    private final Optional<GitHost> host;

    @Inject
    public GitTagChannel(GitConfig config) {
        TagTemplate versionTag = TagTemplate.of("rewind.notifier.git.version-tag", config.versionTag());
        TagTemplate faultyTag = TagTemplate.of("rewind.notifier.git.faulty-tag", config.faultyTag());
        this.planner = new FaultyReleasePlanner(config.repositories(), versionTag, faultyTag,
                config.environments().orElse(Set.of()));
        Optional<String> token = config.token().filter(value -> !value.isBlank());
        if (token.isPresent() && config.repositories().isEmpty()) {
            LOG.warn("Git tagging of faulty releases is off: rewind.notifier.git.token is set but no repository is; "
                    + "add rewind.notifier.git.repositories.\"<namespace>/<service>\"=owner/repo");
        }
        this.host = token.filter(present -> !config.repositories().isEmpty())
                .map(value -> new GitHubHost(VendorClients.build(GitHubApi.class, config.apiUrl(),
                        config.timeout()), value));
        if (host.isPresent()) {
            versionTag.problem().or(faultyTag::problem).ifPresent(problem -> LOG.errorf(
                    "Git tagging of faulty releases will refuse every tag until this is fixed: %s", problem));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return host.isPresent();
    }

    /** Creating a tag that is already on the same commit is delivered, so sending again does no harm. */
    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public List<Outgoing> plan(Notice notice) {
        return planner.plan(notice).map(List::of).orElse(List.of());
    }

    @Override
    public SendResult send(Outgoing outgoing, SentBefore earlier) {
        return host.orElseThrow(() -> new IllegalStateException("Git tagging is not configured"))
                .tag(FaultyReleaseTag.fromJson(outgoing.payload()));
    }
}
