package dev.rewind.notifier.git;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * GitHub's Git database API (references and tag objects); answers come back as they are. The paths are on the
 * methods, not the interface, so that a test's implementation is not taken for a REST resource of the service.
 */
@ClientHeaderParam(name = "Accept", value = "application/vnd.github+json")
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
public interface GitHubApi {

    /** {@code ref} is {@code tags/<name>}, its parts already escaped: a tag's '/' must stay a '/'. */
    @GET
    @Path("/repos/{owner}/{repo}/git/ref/{ref}")
    Response ref(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
                 @PathParam("repo") String repo, @PathParam("ref") @Encoded String ref);

    /** An annotated tag object, which names the object it tags. */
    @GET
    @Path("/repos/{owner}/{repo}/git/tags/{sha}")
    Response tagObject(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
                       @PathParam("repo") String repo, @PathParam("sha") String sha);

    @POST
    @Path("/repos/{owner}/{repo}/git/refs")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createRef(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
                       @PathParam("repo") String repo, NewRef ref);

    /** The body of a reference to create: {@code refs/tags/<name>} at {@code sha}. */
    record NewRef(String ref, String sha) {
    }
}
