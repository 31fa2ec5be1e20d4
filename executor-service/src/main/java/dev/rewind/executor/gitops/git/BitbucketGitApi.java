package dev.rewind.executor.gitops.git;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Bitbucket Cloud's repository API (REST 2.0) as the Quarkus REST client calls it; JSON bodies travel as text and
 * every answer comes back as a {@link Response}, read by {@link BitbucketHost}. {@code branch} and {@code path} are
 * passed encoded per segment (their slashes kept).
 */
@Path("/2.0/repositories/{workspace}/{repoSlug}")
public interface BitbucketGitApi extends AutoCloseable {

    /** A branch: its head in {@code target.hash}. */
    @GET
    @Path("/refs/branches/{branch}")
    Response branch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                    @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                    @PathParam("branch") @Encoded String branch);

    /** A file's text at {@code commit}. */
    @GET
    @Path("/src/{commit}/{path}")
    Response file(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                  @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                  @PathParam("commit") String commit, @PathParam("path") @Encoded String path);

    /**
     * A page of a directory's entries at {@code commit} ({@code commit_file}, {@code commit_directory}); {@code page}
     * is the token of the page before's {@code next}, null for the first.
     */
    @GET
    @Path("/src/{commit}/{path}")
    Response directory(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                       @PathParam("commit") String commit, @PathParam("path") @Encoded String path,
                       @QueryParam("pagelen") int pagelen, @QueryParam("page") String page);

    /**
     * One commit of files ({@code /<path>} fields, their text) with {@code message}, on {@code branch} on top of
     * {@code parents}: a branch that does not exist yet is made there, one that does must still be at it (else 409).
     * {@code form} is encoded already: the client's own form writer leaves a "+" as it is, which reads as a space.
     */
    @POST
    @Path("/src")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response commit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                    @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug, String form);

    /** A commit (its whole hash), from a hash Bitbucket abbreviated elsewhere. */
    @GET
    @Path("/commit/{revision}")
    Response commitOf(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                      @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                      @PathParam("revision") String revision);

    /** The pull requests {@code query} (BBQL) selects, in any of {@code states} (Bitbucket's default: OPEN only). */
    @GET
    @Path("/pullrequests")
    Response pullRequests(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                          @QueryParam("q") String query, @QueryParam("state") List<String> states,
                          @QueryParam("pagelen") int pagelen);

    @POST
    @Path("/pullrequests")
    @Consumes(MediaType.APPLICATION_JSON)
    Response openPullRequest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                             String body);

    @GET
    @Path("/pullrequests/{id}")
    Response pullRequest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                         @PathParam("id") long id);

    /** 200 with the merged pull request, or 202 when Bitbucket goes on merging after answering. */
    @POST
    @Path("/pullrequests/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    Response merge(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                   @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                   @PathParam("id") long id, String body);

    /** The best common ancestor of the two commits of {@code revspec} ({@code a..b}). */
    @POST
    @Path("/pullrequests/{id}/decline")
    Response decline(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                     @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                     @PathParam("id") long id);

    @POST
    @Path("/pullrequests/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    Response comment(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                     @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                     @PathParam("id") long id, String body);

    @GET
    @Path("/merge-base/{revspec}")
    Response mergeBase(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
                       @PathParam("revspec") String revspec);
}
