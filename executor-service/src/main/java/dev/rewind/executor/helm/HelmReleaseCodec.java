package dev.rewind.executor.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Helm 3's release storage format ({@code pkg/storage/driver/util.go}): {@code data.release} of a release Secret is
 * base64(gzip(json(release))); the API adds its own base64, so as fabric8's {@code Secret.getData()} returns it the
 * value is base64 twice. Releases stored before Helm compressed them are plain base64(json), read as Helm reads them
 * (no gzip magic, no gunzip). The release stays a JSON tree so that fields Rewind does not know survive an edit.
 */
public final class HelmReleaseCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};

    private HelmReleaseCodec() {
    }

    /** The release in the value of {@code data.release} as the Kubernetes API returns it (base64 twice). */
    public static ObjectNode fromSecretData(String apiValue) {
        return decode(new String(Base64.getDecoder().decode(apiValue), StandardCharsets.US_ASCII));
    }

    /** The value of {@code data.release} to send to the Kubernetes API for {@code release} (base64 twice). */
    public static String toSecretData(ObjectNode release) {
        return Base64.getEncoder().encodeToString(encode(release).getBytes(StandardCharsets.US_ASCII));
    }

    /** Helm's {@code decodeRelease}: base64, gunzip when gzipped, JSON. */
    public static ObjectNode decode(String helmEncoded) {
        byte[] bytes = Base64.getDecoder().decode(helmEncoded);
        if (bytes.length > GZIP_MAGIC.length && Arrays.equals(bytes, 0, GZIP_MAGIC.length, GZIP_MAGIC, 0,
                GZIP_MAGIC.length)) {
            bytes = gunzip(bytes);
        }
        try {
            JsonNode release = JSON.readTree(bytes);
            if (!(release instanceof ObjectNode object)) {
                throw new IllegalArgumentException("a Helm release is a JSON object, not " + release.getNodeType());
            }
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Helm release: " + e.getMessage(), e);
        }
    }

    /** Helm's {@code encodeRelease}: JSON, gzip at best compression, base64. */
    public static String encode(ObjectNode release) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new BestCompressionGzip(buffer)) {
            gzip.write(JSON.writeValueAsBytes(release));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(buffer.toByteArray());
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Helm release: gzip data unreadable (" + e.getMessage() + ")", e);
        }
    }

    /** Helm writes with {@code gzip.BestCompression}. */
    private static final class BestCompressionGzip extends GZIPOutputStream {

        BestCompressionGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
