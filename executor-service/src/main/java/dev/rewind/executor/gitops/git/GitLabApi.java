package dev.rewind.executor.gitops.git;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * GitLab's REST API (v4) as the Quarkus REST client calls it; every answer comes back as a {@link Response}, read by
 * {@link GitLabHost}. {@code project} ({@code group/name}) and file paths are encoded whole, slashes included, as
 * GitLab expects them.
 */
@Path("/api/v4/projects/{project}")
public interface GitLabApi extends AutoCloseable {

    @GET
    @Path("/repository/branches/{branch}")
    Response branch(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                    @PathParam("branch") String branch);

    @GET
    @Path("/repository/tree")
    Response tree(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                  @QueryParam("path") String path, @QueryParam("ref") String ref,
                  @QueryParam("recursive") boolean recursive, @QueryParam("per_page") int perPage,
                  @QueryParam("page") int page);

    @GET
    @Path("/repository/files/{file}/raw")
    Response raw(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                 @PathParam("file") String file, @QueryParam("ref") String ref);

    @POST
    @Path("/repository/commits")
    @Consumes(MediaType.APPLICATION_JSON)
    Response commit(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project, String body);

    @GET
    @Path("/merge_requests")
    Response mergeRequests(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                           @QueryParam("source_branch") String sourceBranch, @QueryParam("state") String state);

    @POST
    @Path("/merge_requests")
    @Consumes(MediaType.APPLICATION_JSON)
    Response openMergeRequest(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                              String body);

    @GET
    @Path("/merge_requests/{iid}")
    Response mergeRequest(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                          @PathParam("iid") long iid);

    @PUT
    @Path("/merge_requests/{iid}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    Response merge(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                   @PathParam("iid") long iid, String body);

    /** The newest commit both refs descend from. */
    @PUT
    @Path("/merge_requests/{iid}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateMergeRequest(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                                @PathParam("iid") long iid, String body);

    @POST
    @Path("/merge_requests/{iid}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    Response note(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                  @PathParam("iid") long iid, String body);

    @GET
    @Path("/repository/merge_base")
    Response mergeBase(@HeaderParam("PRIVATE-TOKEN") String token, @PathParam("project") String project,
                       @QueryParam("refs[]") List<String> refs);
}
