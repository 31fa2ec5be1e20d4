package dev.rewind.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus of malformed request bodies the hostile-input scenario sends to every endpoint that reads one: each is
 * something a broken client, a proxy or an attacker really sends, and each deserves a 4xx problem+json answer.
 */
final class HostileBodies {

    /** Several MB: under the services' default 10 MiB limit, over the detector's 1 MiB one. */
    static final int HUGE = 5 * 1024 * 1024;
    /** Over every service's body limit. */
    static final int HUGER = 12 * 1024 * 1024;
    static final int DEPTH = 100_000;

    /**
     * One hostile request body.
     *
     * @param contentType  the Content-Type sent, or null for none
     * @param chunked      sent without a Content-Length (chunked transfer encoding)
     * @param validContent the endpoint's valid request after all (JSON in UTF-16 as its charset says, no
     *                     Content-Type, a lone surrogate escape, which RFC 8259's grammar allows): may be accepted
     */
    record Body(String name, byte[] bytes, String contentType, boolean chunked, boolean validContent) {

        Body(String name, byte[] bytes, String contentType, boolean chunked) {
            this(name, bytes, contentType, chunked, false);
        }
    }

    private HostileBodies() {
    }

    /** The corpus for an endpoint whose valid body is {@code valid}, with free text at {@code freeText}. */
    static List<Body> corpus(String valid, String freeText, String contentType) {
        List<Body> corpus = new ArrayList<>();
        String json = "application/json";
        corpus.add(new Body("empty", new byte[0], contentType, false));
        corpus.add(new Body("truncated", utf8(valid.substring(0, valid.length() / 2)), contentType, false));
        corpus.add(new Body("top-level array", utf8("[1,2,3]"), contentType, false));
        corpus.add(new Body("top-level string", utf8("\"hello\""), contentType, false));
        corpus.add(new Body("top-level number", utf8("42"), contentType, false));
        corpus.add(new Body("JSON null", utf8("null"), contentType, false));
        corpus.add(new Body("wrong field types", utf8("{\"version\":4,\"status\":{},\"alerts\":{\"a\":1},"
                + "\"receiver\":[],\"groupLabels\":\"x\",\"environment\":1,\"namespace\":true,\"service\":[],"
                + "\"reason\":{},\"severity\":7,\"toRevision\":\"abc\",\"checked\":\"yes\",\"note\":5,"
                + "\"rootCause\":[],\"actionItems\":\"x\",\"reset\":1,\"title\":[],\"body\":1,\"state\":2,"
                + "\"impactedEntities\":{},\"payload\":[]}"), contentType, false));
        corpus.add(new Body("numbers out of range", utf8("{\"version\":1e999999,\"toRevision\":"
                + "123456789012345678901234567890,\"checked\":1e400,\"totalIncidents\":-1e999}"), contentType, false));
        corpus.add(new Body("duplicate keys", utf8("{\"reason\":\"a\",\"reason\":\"b\",\"checked\":true,"
                + "\"checked\":false}"), contentType, false));
        corpus.add(new Body("5 MB string", huge(HUGE), contentType, false));
        corpus.add(new Body("12 MB string", huge(HUGER), contentType, false));
        corpus.add(new Body("12 MB string, chunked", huge(HUGER), contentType, true));
        corpus.add(new Body("100k nested arrays", utf8("[".repeat(DEPTH) + "]".repeat(DEPTH)), contentType, false));
        corpus.add(new Body("100k nested objects", utf8("{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH)),
                contentType, false));
        corpus.add(new Body("invalid UTF-8", invalidUtf8(valid), contentType, false));
        corpus.add(new Body("NUL character", utf8(withFreeText(valid, freeText, "before\u0000after")), contentType,
                false));
        corpus.add(new Body("lone surrogate", utf8(withFreeText(valid, freeText, "before\ud800after")), contentType,
                false, true));
        corpus.add(new Body("text/plain", utf8(valid), "text/plain", false));
        corpus.add(new Body("XML", utf8("<alerts><alert/></alerts>"), "application/xml", false));
        corpus.add(new Body("no Content-Type", utf8(valid), null, false, true));
        corpus.add(new Body("unparseable Content-Type", utf8(valid), "!!!/???; ;=", false));
        corpus.add(new Body("form instead of JSON", utf8("a=b&c=d"), "application/x-www-form-urlencoded", false));
        corpus.add(new Body("multipart",
                utf8("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"),
                "multipart/form-data; boundary=x", false));
        corpus.add(new Body("JSON as UTF-16", valid.getBytes(StandardCharsets.UTF_16), json + "; charset=UTF-16",
                false, true));
        corpus.add(new Body("unknown charset", utf8(valid), json + "; charset=no-such-charset", false, true));
        return corpus;
    }

    /**
     * The corpus for a console form whose valid body is {@code valid} ({@code a=b&c=d}): each hostile parameter value
     * in each field (sent as it is: broken percent-encodings, NUL, bidi marks), bytes that are not UTF-8, a form far
     * over the size limit, and bodies that are no form at all.
     */
    static List<Body> formCorpus(String valid) {
        String form = "application/x-www-form-urlencoded";
        List<Body> corpus = new ArrayList<>();
        corpus.add(new Body("empty form", new byte[0], form, false));
        for (String field : valid.isEmpty() ? List.<String>of() : List.of(valid.split("&"))) {
            String name = field.substring(0, field.indexOf('='));
            for (String value : HostileParameters.VALUES) {
                corpus.add(new Body(name + "=" + value, utf8(valid.replace(field, name + "=" + value)), form, false));
            }
            ByteArrayOutputStream notUtf8 = new ByteArrayOutputStream();
            notUtf8.writeBytes(utf8(name + "="));
            notUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0x80, (byte) 0xFF});
            corpus.add(new Body(name + " not UTF-8", notUtf8.toByteArray(), form, false));
        }
        byte[] huge = new byte[HUGE];
        java.util.Arrays.fill(huge, (byte) 'a');
        System.arraycopy(utf8("reason="), 0, huge, 0, "reason=".length());
        corpus.add(new Body("5 MB form", huge, form, false));
        corpus.add(new Body("5 MB form, chunked", huge, form, true));
        corpus.add(new Body("JSON instead of a form", utf8("{\"reason\":\"x\"}"), "application/json", false));
        corpus.add(new Body("multipart",
                utf8("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"),
                "multipart/form-data; boundary=x", false));
        corpus.add(new Body("no Content-Type", utf8(valid), null, false));
        corpus.add(new Body("unparseable Content-Type", utf8(valid), "!!!/???; ;=", false));
        return corpus;
    }

    /** {@code valid} with the string at JSON pointer {@code at} replaced by {@code text} (JSON-escaped). */
    static String withFreeText(String valid, String at, String text) {
        try {
            JsonNode root = EventJson.mapper().readTree(valid);
            int slash = at.lastIndexOf('/');
            ((ObjectNode) root.at(at.substring(0, slash))).put(at.substring(slash + 1), text);
            return EventJson.mapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object with one string field of about {@code bytes} bytes. */
    private static byte[] huge(int bytes) {
        byte[] body = new byte[bytes];
        java.util.Arrays.fill(body, (byte) 'a');
        byte[] head = utf8("{\"reason\":\"");
        System.arraycopy(head, 0, body, 0, head.length);
        body[bytes - 2] = '"';
        body[bytes - 1] = '}';
        return body;
    }

    /** {@code valid} with bytes that are not UTF-8 (a lone continuation byte, an overlong form, 0xFF) in a string. */
    private static byte[] invalidUtf8(String valid) {
        int quote = valid.indexOf('"', valid.indexOf(':'));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(valid.substring(0, quote + 1)));
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF});
        out.writeBytes(utf8(valid.substring(quote + 1)));
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
