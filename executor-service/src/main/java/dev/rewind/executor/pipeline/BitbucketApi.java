package dev.rewind.executor.pipeline;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Bitbucket Cloud's pipelines API (REST 2.0), as the Quarkus REST client calls it. Bodies travel as JSON text and
 * every answer comes back as a {@link Response}, whatever its status: {@link BitbucketJson} and
 * {@link BitbucketAnswers} read them, so that the mapping stays plain code with plain tests.
 */
@Path("/2.0/repositories/{workspace}/{repoSlug}/pipelines")
@Produces(MediaType.APPLICATION_JSON)
public interface BitbucketApi extends AutoCloseable {

    /** Creates and starts a pipeline run; Bitbucket answers 201 with the run. */
    @POST
    @Path("/")
    @Consumes(MediaType.APPLICATION_JSON)
    Response trigger(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug, String body);

    /** One run; {@code uuid} with its braces (the client percent-encodes them). */
    @GET
    @Path("/{uuid}")
    Response run(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
            @PathParam("uuid") String uuid);

    /** A page of runs; {@code sort=-created_on} lists the newest first. */
    @GET
    @Path("/")
    Response runs(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("workspace") String workspace, @PathParam("repoSlug") String repoSlug,
            @QueryParam("sort") String sort, @QueryParam("pagelen") int pagelen);
}
