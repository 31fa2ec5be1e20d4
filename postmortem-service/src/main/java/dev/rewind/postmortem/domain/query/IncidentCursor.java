package dev.rewind.postmortem.domain.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a page of the incident list ended: the last incident's detection time and id, the list's sort key (newest
 * first, the id breaking ties). The next page starts strictly after it, so incidents arriving meanwhile (newer, so
 * ahead of it) neither shift later pages nor repeat in them. Clients see it as an opaque token.
 */
public record IncidentCursor(Instant openedAt, UUID id) {

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The token a client sends back as {@code cursor}. */
    public String encode() {
        String plain = VERSION + "|" + openedAt + "|" + id;
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code token} stands for; {@link InvalidQuery} naming {@code cursor} when it is not one of ours. */
    public static IncidentCursor decode(String token) {
        try {
            String[] parts = new String(DECODER.decode(token.trim()), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(VERSION)) {
                return new IncidentCursor(QueryReader.storable(Instant.parse(parts[1])), UUID.fromString(parts[2]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below
        }
        throw new InvalidQuery(List.of(new InvalidQuery.Problem("cursor", "is not a cursor this list "
                + "gave out; send the 'next' value of the previous page unchanged, or leave cursor out for the "
                + "first page")));
    }
}
