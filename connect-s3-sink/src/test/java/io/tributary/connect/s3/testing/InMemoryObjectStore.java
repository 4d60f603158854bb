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

    @Override
    public void put(String key, byte[] content, Map<String, String> userMetadata) {
        if (failingPuts > 0) {
            failingPuts--;
            throw new RetriableException("simulated S3 outage uploading " + key);
        }
        puts++;
        contents.put(key, content.clone());
        metadata.put(key, Map.copyOf(userMetadata));
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
