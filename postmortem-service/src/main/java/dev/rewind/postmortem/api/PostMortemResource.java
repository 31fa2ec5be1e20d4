package dev.rewind.postmortem.api;

import dev.rewind.platform.people.Person;
import dev.rewind.postmortem.domain.postmortem.PostMortem;
import dev.rewind.postmortem.domain.postmortem.PostMortemMarkdown;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * An incident's post-mortem, written from its record on each read, as Markdown or JSON; editors replace its sections
 * with their own text, naming the revision they read (If-Match) so that no one's edit is silently lost.
 */
@Path("/api/v1/incidents/{id}/postmortem")
@Authenticated
@SecurityRequirement(name = "bearer")
public class PostMortemResource {

    /** The Markdown media type (RFC 7763). */
    public static final String MARKDOWN = "text/markdown";

    private static final MediaType MARKDOWN_UTF8 = MediaType.valueOf(MARKDOWN + ";charset=UTF-8");

    private final Access access;
    private final PostMortems postMortems;

    @Inject
    public PostMortemResource(Access access, PostMortems postMortems) {
        this.access = access;
        this.postMortems = postMortems;
    }

    @GET
    @Produces({MARKDOWN, MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(summary = "The incident's post-mortem: Markdown (text/markdown) or JSON, by Accept or ?format=")
    public Response get(@PathParam("id") String id,
                        @QueryParam("format") @Pattern(regexp = "markdown|json",
                                message = "must be markdown or json (or leave it out and send an Accept header)")
                        String format,
                        @Context HttpHeaders headers) {
        access.reader();
        PostMortem postMortem = postMortems.read(id);
        boolean asJson = format != null ? format.equals("json") : prefersJson(headers.getAcceptableMediaTypes());
        return Response.ok(asJson ? PostMortemView.of(postMortem) : PostMortemMarkdown.render(postMortem),
                        asJson ? MediaType.APPLICATION_JSON_TYPE : MARKDOWN_UTF8)
                .tag(etag(postMortem.revision())).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Edit the post-mortem (editors): sections sent replace those shown; If-Match: the ETag read")
    @APIResponseSchema(value = PostMortemView.class, responseDescription = "The post-mortem as it now stands, with "
            + "its new ETag")
    @APIResponse(responseCode = "409", description = "The incident was recorded too thinly to write a post-mortem from")
    @APIResponse(responseCode = "412", description = "If-Match names an older revision: read it again, then edit")
    @APIResponse(responseCode = "428", description = "If-Match is missing: send the ETag the post-mortem was read with")
    public Response edit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull(message = "send the sections to change as a JSON object") PostMortemEdit edit) {
        Person editor = access.editor();
        PostMortem postMortem = postMortems.edit(id, ifMatch, edit, editor);
        return Response.ok(PostMortemView.of(postMortem), MediaType.APPLICATION_JSON_TYPE)
                .tag(etag(postMortem.revision())).build();
    }

    /**
     * The first acceptable type that is one of ours decides: {@code application/json} or any application type means
     * JSON (Markdown is a text type); any type at all means Markdown, the runbook's format.
     */
    private static boolean prefersJson(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (!type.isWildcardType() && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
            if (type.isCompatible(MARKDOWN_UTF8)) {
                return false;
            }
        }
        return false;
    }

    static EntityTag etag(long revision) {
        return new EntityTag(String.valueOf(revision));
    }
}
