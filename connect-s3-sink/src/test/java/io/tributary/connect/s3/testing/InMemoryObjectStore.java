package io.tributary.connect.s3.testing;

import io.tributary.connect.s3.storage.ObjectStore;
import org.apache.kafka.connect.errors.RetriableException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A fake object store for unit tests; {@link #failNextPuts(int)} simulates an S3 outage. */
public final class InMemoryObjectStore implements ObjectStore {
    private final Map<String, byte[]> contents = new TreeMap<>();
    private final Map<String, Map<String, String>> metadata = new TreeMap<>();
    private int failingPuts;
    private int puts;

    public void failNextPuts(int count) {
        failingPuts = count;
    }

    private final Map<String, List<byte[]>> uploads = new TreeMap<>();
    private int multipartUploads;

    @Override
    public void put(String key, byte[] content, int length, Map<String, String> userMetadata) {
        failIfAsked(key);
        puts++;
        contents.put(key, java.util.Arrays.copyOf(content, length));
        metadata.put(key, Map.copyOf(userMetadata));
    }

    private void failIfAsked(String key) {
        if (failingPuts > 0) {
            failingPuts--;
            throw new RetriableException("simulated S3 outage uploading " + key);
        }
    }

    @Override
    public String createMultipartUpload(String key) {
        String id = "upload-" + (++multipartUploads);
        uploads.put(id, new ArrayList<>());
        return id;
    }

    @Override
    public String uploadPart(String key, String uploadId, int partNumber, byte[] content, int length) {
        failIfAsked(key);
        List<byte[]> parts = uploads.get(uploadId);
        if (parts.size() != partNumber - 1) {
            throw new IllegalStateException("part " + partNumber + " after " + parts.size());
        }
        parts.add(java.util.Arrays.copyOf(content, length));
        return "etag-" + partNumber;
    }

    @Override
    public void completeMultipartUpload(String key, String uploadId, List<String> partETags) {
        var out = new java.io.ByteArrayOutputStream();
        uploads.remove(uploadId).forEach(out::writeBytes);
        contents.put(key, out.toByteArray());
        metadata.put(key, Map.of());
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        uploads.remove(uploadId);
    }

    @Override
    public void copy(String sourceKey, String targetKey, Map<String, String> userMetadata) {
        failIfAsked(targetKey);
        contents.put(targetKey, contents.get(sourceKey));
        metadata.put(targetKey, Map.copyOf(userMetadata));
    }

    @Override
    public void delete(String key) {
        contents.remove(key);
        metadata.remove(key);
    }

    public int multipartUploads() {
        return multipartUploads;
    }

    public int openUploads() {
        return uploads.size();
    }

    /** Stores an object as if another task had landed it. */
    public void seed(String key, List<String> lines, Map<String, String> userMetadata) {
        contents.put(key, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        metadata.put(key, Map.copyOf(userMetadata));
    }

    @Override
    public List<String> listKeys(String prefix) {
        return contents.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public Map<String, String> userMetadata(String key) {
        return metadata.get(key);
    }

    @Override
    public String describe() {
        return "mem://bucket";
    }

    @Override
    public void close() {
    }

    public List<String> keys() {
        return new ArrayList<>(contents.keySet());
    }

    public int puts() {
        return puts;
    }

    /** The lines of a gzip JSON-lines object. */
    public List<String> lines(String key) {
        return gunzipLines(contents.get(key));
    }

    public static List<String> gunzipLines(byte[] gz) {
        return GzipLines.read(gz);
    }
}
