package dev.rewind.executor.pipeline;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The test profile's pipeline settings, with Bitbucket at a stub's address and the given credentials. */
record StubbedPipelineConfig(PipelineConfig settings, URI url, Optional<String> token, Optional<String> username,
        Optional<String> apiToken) implements PipelineConfig {

    static StubbedPipelineConfig bearer(PipelineConfig settings, URI url, String token) {
        return new StubbedPipelineConfig(settings, url, Optional.of(token), Optional.empty(), Optional.empty());
    }

    static StubbedPipelineConfig basic(PipelineConfig settings, URI url, String username, String apiToken) {
        return new StubbedPipelineConfig(settings, url, Optional.empty(), Optional.of(username), Optional.of(apiToken));
    }

    static StubbedPipelineConfig anonymous(PipelineConfig settings, URI url) {
        return new StubbedPipelineConfig(settings, url, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String ref() {
        return settings.ref();
    }

    @Override
    public String namePattern() {
        return settings.namePattern();
    }

    @Override
    public Duration pollInterval() {
        return settings.pollInterval();
    }

    @Override
    public Duration settle() {
        return settings.settle();
    }

    @Override
    public Duration timeout() {
        return settings.timeout();
    }

    @Override
    public int recentRunsSearched() {
        return settings.recentRunsSearched();
    }

    @Override
    public Map<String, String> repositories() {
        return settings.repositories();
    }

    @Override
    public Retry retry() {
        return settings.retry();
    }

    @Override
    public Bitbucket bitbucket() {
        Bitbucket configured = settings.bitbucket();
        return new Bitbucket() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public URI webUrl() {
                return URI.create("https://bitbucket.org");
            }

            @Override
            public Optional<String> token() {
                return token;
            }

            @Override
            public Optional<String> username() {
                return username;
            }

            @Override
            public Optional<String> apiToken() {
                return apiToken;
            }

            @Override
            public Duration connectTimeout() {
                return configured.connectTimeout();
            }

            @Override
            public Duration readTimeout() {
                return configured.readTimeout();
            }
        };
    }
}
