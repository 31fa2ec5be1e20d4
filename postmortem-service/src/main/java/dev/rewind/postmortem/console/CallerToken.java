package dev.rewind.postmortem.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The signed-in person's access token as an {@code Authorization} header, so that the console calls other Rewind
 * services as that person and never with authority of its own.
 */
@RequestScoped
public class CallerToken {

    private final SecurityIdentity identity;

    @Inject
    public CallerToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * {@code Bearer <token>}: the access token of the code flow's session or of the development session; never the ID
     * token, which is not meant for other services.
     */
    public String header() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null) {
            return "Bearer " + credential.getToken();
        }
        throw new IllegalStateException("the signed-in person's identity carries no access token to call the "
                + "approval service with");
    }
}
