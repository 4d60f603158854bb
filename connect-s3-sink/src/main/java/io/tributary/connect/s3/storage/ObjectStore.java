package io.tributary.connect.s3.storage;

import java.util.List;
import java.util.Map;

/**
 * The few object-store operations the sink needs. {@link S3ObjectStore} is the real one; unit tests use a fake.
 * Implementations throw {@link org.apache.kafka.connect.errors.RetriableException} for failures worth retrying
 * later (throttling, 5xx, I/O after the client's own retries) and
 * {@link org.apache.kafka.connect.errors.ConnectException} for permanent ones (no bucket, access denied), naming
 * bucket and key.
 */
public interface ObjectStore extends AutoCloseable {

    /** Writes the whole object atomically: readers see all of it or nothing. */
    void put(String key, byte[] content, int length, Map<String, String> userMetadata);

    default void put(String key, byte[] content, Map<String, String> userMetadata) {
        put(key, content, content.length, userMetadata);
    }

    /** Starts a multipart upload (invisible until completed); returns its id. */
    String createMultipartUpload(String key);

    /** Uploads part {@code partNumber} (1-based); returns its ETag. */
    String uploadPart(String key, String uploadId, int partNumber, byte[] content, int length);

    void completeMultipartUpload(String key, String uploadId, List<String> partETags);

    void abortMultipartUpload(String key, String uploadId);

    /** Server-side copy of {@code sourceKey} to {@code targetKey} with new user metadata; atomic at the target. */
    void copy(String sourceKey, String targetKey, Map<String, String> userMetadata);

    void delete(String key);

    /** All keys under {@code prefix}, in any order. */
    List<String> listKeys(String prefix);

    /** User metadata of an existing object (keys lower-case, without the x-amz-meta- prefix). */
    Map<String, String> userMetadata(String key);

    /** Names the store in messages, e.g. {@code s3://bucket}. */
    String describe();

    @Override
    void close();
}
