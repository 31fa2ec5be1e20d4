package dev.rewind.postmortem.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentCursorTest {

    @Test
    void encodesToAnOpaqueUrlSafeTokenAndBackToTheSamePosition() {
        IncidentCursor cursor = new IncidentCursor(Instant.parse("2026-11-15T14:25:31.123456Z"),
                UUID.fromString("6f1c2a44-8a3e-4c8e-9a51-1d2f3b4c5d6e"));

        String token = cursor.encode();

        assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain("2026");
        assertThat(IncidentCursor.decode(token)).isEqualTo(cursor);
    }

    @Test
    void aTokenThatIsNotOursNamesTheCursorParameter() {
        String wrongVersion = Base64.getUrlEncoder().encodeToString(
                ("v0|2026-11-15T14:25:31Z|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String badTime = Base64.getUrlEncoder().encodeToString(
                ("v1|yesterday|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        String beyondTheDatabase = Base64.getUrlEncoder().encodeToString(
                ("v1|+100000-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String beforeYearOne = Base64.getUrlEncoder().encodeToString(
                ("v1|0000-12-31T23:59:59Z|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        for (String token : new String[] {"", "%%%", "djE", wrongVersion, badTime, beyondTheDatabase, beforeYearOne}) {
            assertThatThrownBy(() -> IncidentCursor.decode(token)).as(token).isInstanceOf(InvalidQuery.class)
                    .hasMessageStartingWith("query parameter 'cursor' is not a cursor this list gave out");
        }
    }
}
