package dev.rewind.executor.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Repository URLs are matched whatever their form: HTTPS, SSH, scp-like, with a user, host in any case. */
class GitHostUrlsTest {

    @Test
    void everyFormOfARepositoryUrlIsTheSame() {
        assertThat(GitHosts.normalized("https://github.com/acme/deploy.git")).isEqualTo("github.com/acme/deploy.git");
        assertThat(GitHosts.normalized("git@github.com:acme/deploy.git")).isEqualTo("github.com/acme/deploy.git");
        assertThat(GitHosts.normalized("ssh://git@GitHub.com/acme/deploy.git")).isEqualTo("github.com/acme/deploy.git");
        assertThat(GitHosts.normalized("https://ci-bot@gitlab.example.com/group/sub/deploy"))
                .isEqualTo("gitlab.example.com/group/sub/deploy");
    }
}
