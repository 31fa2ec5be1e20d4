package dev.rewind.executor.gitops.git;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** What Bitbucket's API takes and gives besides JSON: listings' next pages, form bodies, BBQL strings. */
final class BitbucketSyntax {

    private BitbucketSyntax() {
    }

    /** The {@code page} token of a listing's {@code next} link; null on the last page. */
    static String nextPage(JsonNode listing) {
        String next = listing.path("next").asText("");
        if (next.isEmpty()) {
            return null;
        }
        String query = URI.create(next).getRawQuery();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("page=")) {
                return URLDecoder.decode(parameter.substring("page=".length()), StandardCharsets.UTF_8);
            }
        }
        // Answered (200), but not in a form Rewind can follow: as an unreadable answer, not a passing failure.
        throw new GitHostFailed(200, "Bitbucket's next page " + next + " names no page: the listing cannot be read "
                + "whole");
    }

    /** {@code fields} as an {@code application/x-www-form-urlencoded} body. */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** {@code text} as a BBQL string literal. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
