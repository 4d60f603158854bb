package io.tributary.monitor.landing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The processed-files logs of Spark Structured Streaming file sources: {@code <checkpoint>/sources/0/<batchId>}
 * (and {@code <batchId>.compact} every few batches), each a "v1" line then one JSON entry per file with its
 * {@code path}. Chosen over "objects newer than the last loaded batch" because it is exact: a file is processed
 * when Spark recorded it, whatever its timestamp, and late-landing files of old dates are not missed.
 * Reads local checkpoints (path or file: URI); an s3a:// checkpoint is not read yet. One log per query: the
 * micro-batch's vehicle and web queries each have their own checkpoint, and a landed object is processed when either
 * log lists it.
 */
public final class SparkFileSourceLog {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<Path> sourceLogs;

    public SparkFileSourceLog(String checkpoint) {
        this(List.of(checkpoint));
    }

    public SparkFileSourceLog(List<String> checkpoints) {
        this.sourceLogs = checkpoints.stream().map(SparkFileSourceLog::sourceLog).toList();
    }

    private static Path sourceLog(String checkpoint) {
        Path root = checkpoint.startsWith("file:") ? Path.of(URI.create(checkpoint)) : Path.of(checkpoint);
        return root.resolve("sources").resolve("0");
    }

    /** Object keys (the path after the bucket) of every processed file; empty before the first batch. */
    public Set<String> processedKeys() {
        Set<String> keys = new HashSet<>();
        for (Path sourceLog : sourceLogs) {
            if (!Files.isDirectory(sourceLog)) {
                continue; // that query has not run a batch yet
            }
            try (Stream<Path> files = Files.list(sourceLog)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                    readEntries(Files.readAllLines(file), keys);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Spark file-source log " + sourceLog, e);
            }
        }
        return keys;
    }

    private static void readEntries(List<String> lines, Set<String> keys) throws IOException {
        for (String line : lines) {
            if (line.startsWith("{")) {
                JsonNode entry = MAPPER.readTree(line);
                if (entry.has("path")) {
                    keys.add(objectKey(entry.get("path").asText()));
                }
            }
        }
    }

    /** {@code s3a://bucket/landing/t/dt=…/f.jsonl.gz} -> {@code landing/t/dt=…/f.jsonl.gz}; URI escapes decoded. */
    static String objectKey(String path) {
        String decoded = URI.create(path).getPath();
        return decoded.startsWith("/") ? decoded.substring(1) : decoded;
    }
}
