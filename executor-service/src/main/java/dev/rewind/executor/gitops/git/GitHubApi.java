package dev.rewind.executor.gitops.git;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * GitHub's REST API as the Quarkus REST client calls it; bodies travel as JSON text and every answer comes back as a
 * {@link Response}, read by {@link GitHubHost}. {@code branch} and {@code path} are passed encoded per segment
 * (their slashes kept), as GitHub expects them.
 */
@Path("/repos/{owner}/{repo}")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Accept", value = "application/vnd.github+json")
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
public interface GitHubApi extends AutoCloseable {

    @GET
    @Path("/git/ref/heads/{branch}")
    Response ref(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                 @PathParam("repo") String repo, @PathParam("branch") @Encoded String branch);

    @POST
    @Path("/git/refs")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createRef(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                       @PathParam("repo") String repo, String body);

    @GET
    @Path("/git/trees/{sha}")
    Response tree(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                  @PathParam("repo") String repo, @PathParam("sha") String sha,
                  @QueryParam("recursive") String recursive);

    @GET
    @Path("/contents/{path}")
    Response content(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                     @PathParam("repo") String repo, @PathParam("path") @Encoded String path,
                     @QueryParam("ref") String ref);

    @PUT
    @Path("/contents/{path}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateContent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("owner") String owner, @PathParam("repo") String repo,
                           @PathParam("path") @Encoded String path, String body);

    @GET
    @Path("/pulls")
    Response pulls(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                   @PathParam("repo") String repo, @QueryParam("head") String head, @QueryParam("state") String state);

    @POST
    @Path("/pulls")
    @Consumes(MediaType.APPLICATION_JSON)
    Response openPull(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                      @PathParam("repo") String repo, String body);

    @GET
    @Path("/pulls/{number}")
    Response pull(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                  @PathParam("repo") String repo, @PathParam("number") long number);

    @PUT
    @Path("/pulls/{number}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    Response merge(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                   @PathParam("repo") String repo, @PathParam("number") long number, String body);

    @PATCH
    @Path("/pulls/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updatePull(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                        @PathParam("repo") String repo, @PathParam("number") long number, String body);

    @POST
    @Path("/issues/{number}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    Response comment(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                     @PathParam("repo") String repo, @PathParam("number") long number, String body);

    /** Compares {@code basehead} ({@code base...head}): status identical, ahead, behind or diverged. */
    @GET
    @Path("/compare/{basehead}")
    Response compare(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("owner") String owner,
                     @PathParam("repo") String repo, @PathParam("basehead") @Encoded String basehead);
}
