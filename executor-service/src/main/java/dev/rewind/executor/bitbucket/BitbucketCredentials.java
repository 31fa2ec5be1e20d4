package dev.rewind.executor.bitbucket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How Rewind signs in to Bitbucket Cloud's API: a repository, project or workspace access token as a bearer token, or
 * an Atlassian account's API token with the account's email by basic authentication.
 */
public final class BitbucketCredentials {

    private BitbucketCredentials() {
    }

    /** The Authorization header: Basic {@code username:secret} with a user name, else Bearer {@code secret}. */
    public static String authorization(Optional<String> username, String secret) {
        return username.map(user -> "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                .getBytes(StandardCharsets.UTF_8))).orElse("Bearer " + secret);
    }
}
