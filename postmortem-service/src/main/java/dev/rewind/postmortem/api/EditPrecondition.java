package dev.rewind.postmortem.api;

import dev.rewind.platform.http.Problems;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

/**
 * The If-Match rule of post-mortem edits: an edit names the revision (ETag) it was made on, and is refused when
 * someone edited since (412) or when it names none (428), so that no one's edit silently overwrites another's.
 */
final class EditPrecondition {

    /** 428: the request must be conditional (RFC 6585); Jakarta REST names no such status. */
    static final Response.StatusType PRECONDITION_REQUIRED = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 428;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Precondition Required";
        }
    };

    private EditPrecondition() {
    }

    /**
     * Passes when {@code ifMatch} names {@code current} ({@code "3"}, also weak {@code W/"3"}, or one of a list) or is
     * {@code *} (edit whatever is there); otherwise throws the 428 or 412 problem saying what to do.
     */
    static void requireCurrent(String ifMatch, long current) {
        String etag = PostMortemResource.etag(current).toString();
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.of(PRECONDITION_REQUIRED, "header If-Match is required: send the ETag of the post-mortem "
                    + "you edited (GET it; its ETag is now " + etag + "), or * to overwrite whatever is there");
        }
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
        if (!matches) {
            throw Problems.of(Response.Status.PRECONDITION_FAILED, "header If-Match " + ifMatch + " names a revision "
                    + "that is no longer current (now " + etag + "): someone edited the post-mortem since you read "
                    + "it. GET it again, reapply your change, and send If-Match: " + etag);
        }
    }
}
