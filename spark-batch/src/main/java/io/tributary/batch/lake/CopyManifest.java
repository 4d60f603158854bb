package io.tributary.batch.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A Redshift COPY manifest: every staged file listed with {@code "mandatory": true} so a missing file fails the COPY
 * instead of loading part of a batch, and {@code content_length}, which COPY requires for Parquet.
 */
public final class CopyManifest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CopyManifest() {
    }

    /** One staged file: its {@code s3://} URL and size in bytes. */
    public record Entry(String url, long contentLength) {
    }

    public static String toJson(List<Entry> entries) {
        ObjectNode manifest = MAPPER.createObjectNode();
        ArrayNode array = manifest.putArray("entries");
        for (Entry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("url", entry.url());
            node.put("mandatory", true);
            node.putObject("meta").put("content_length", entry.contentLength());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a COPY manifest", e);
        }
    }
}
