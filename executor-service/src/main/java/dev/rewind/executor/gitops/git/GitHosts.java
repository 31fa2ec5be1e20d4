package dev.rewind.executor.gitops.git;

import dev.rewind.executor.bitbucket.BitbucketCredentials;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.config.ExecutorConfig.GitHostSettings;
import dev.rewind.executor.config.ExecutorConfig.GitHostType;
import dev.rewind.executor.config.ExecutorConfig.GitRetry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** The configured Git hosting services ({@code rewind.executor.gitops.git-hosts}), found by repository URL. */
@ApplicationScoped
public class GitHosts {

    /** Project {@code project} ({@code owner/name}) of host {@code name}. */
    public record HostedProject(String name, GitHost host, String project) {
    }

    private record Entry(String name, List<String> prefixes, GitHost host) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @Inject
    public GitHosts(ExecutorConfig config) {
        GitRetry retry = config.gitops().gitRetry();
        for (Map.Entry<String, GitHostSettings> host : new TreeMap<>(config.gitops().gitHosts()).entrySet()) {
            GitHostSettings settings = host.getValue();
            HostCalls calls = new HostCalls(host.getKey(), retry.delay(), retry.maxDelay(), retry.jitter(),
                    retry.maxDuration());
            entries.add(new Entry(host.getKey(), settings.repositoryUrls().stream()
                    .map(url -> normalized(url).replaceAll("\\.git$", "")).toList(),
                    create(settings, calls)));
        }
    }

    /**
     * The host serving repository {@code repositoryUrl} (the one whose configured prefix is longest) and the project's
     * path there; empty when none does.
     */
    public Optional<HostedProject> of(String repositoryUrl) {
        String url = normalized(repositoryUrl).replaceAll("/+$", "").replaceAll("\\.git$", "");
        Entry best = null;
        String bestPrefix = "";
        for (Entry entry : entries) {
            for (String prefix : entry.prefixes()) {
                boolean matches = url.equals(prefix) || url.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
                if (matches && prefix.length() > bestPrefix.length()) {
                    best = entry;
                    bestPrefix = prefix;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(new HostedProject(best.name(), best.host(),
                url.substring(host(url).length())));
    }

    /** A client of one host, calling its API at {@code settings.apiUrl()}. */
    GitHost create(GitHostSettings settings, HostCalls calls) {
        if (settings.username().isPresent() && settings.type() != GitHostType.BITBUCKET) {
            throw new IllegalArgumentException("a Git host's username is for Bitbucket's API tokens, not for "
                    + settings.type() + ": " + settings.apiUrl() + " takes the token alone");
        }
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder().baseUri(settings.apiUrl())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true);
        return switch (settings.type()) {
            case GITHUB -> {
                GitHubApi api = builder.build(GitHubApi.class);
                clients.add(api);
                yield new GitHubHost(api, settings.token(), calls);
            }
            case GITLAB -> {
                GitLabApi api = builder.build(GitLabApi.class);
                clients.add(api);
                yield new GitLabHost(api, settings.token(), calls);
            }
            case BITBUCKET -> {
                BitbucketGitApi api = builder.build(BitbucketGitApi.class);
                clients.add(api);
                yield new BitbucketHost(api, BitbucketCredentials.authorization(settings.username(),
                        settings.token()), calls);
            }
        };
    }

    /**
     * A repository URL without its scheme and user, host in lower case: {@code https://github.com/acme/deploy.git}
     * and {@code git@github.com:acme/deploy.git} are both {@code github.com/acme/deploy.git}.
     */
    static String normalized(String url) {
        String u = url.strip();
        if (u.matches("^[A-Za-z0-9._-]+@[^:/]+:.*")) {
            u = u.substring(u.indexOf('@') + 1).replaceFirst(":", "/");
        }
        u = u.replaceFirst("^[a-zA-Z+]+://", "").replaceFirst("^[^@/]+@", "");
        int slash = u.indexOf('/');
        return slash < 0 ? u.toLowerCase(Locale.ROOT) : u.substring(0, slash).toLowerCase(Locale.ROOT)
                + u.substring(slash);
    }

    /** The host part of a normalized URL, with its slash. */
    private static String host(String url) {
        int slash = url.indexOf('/');
        return slash < 0 ? url + "/" : url.substring(0, slash + 1);
    }

    @PreDestroy
    void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }
}
