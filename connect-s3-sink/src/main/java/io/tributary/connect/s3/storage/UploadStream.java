package io.tributary.connect.s3.storage;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bytes of one landing file on their way to S3, holding at most about one part in memory. Bytes are buffered
 * until {@link #uploadFullParts()} sends each full part of a multipart upload; a file that never fills a part is one
 * PutObject at {@link #complete}.
 * <p>
 * The user metadata (end offset, watermark) is only known when the file closes, but S3 fixes an object's metadata
 * when its multipart upload is created. So a multipart file is assembled under a hidden staging key
 * ({@code <topics.dir>/_staging/...}, ignored by Spark/Hive because of the leading underscore), then copied
 * server-side to its landing key with the metadata: the landing key shows the whole file with its metadata or
 * nothing. {@link #complete} is retryable after a failure: it resumes from the step that failed.
 */
public final class UploadStream extends OutputStream {
    private final ObjectStore store;
    private final String key;
    private final String stagingKey;
    private final int partSize;
    private final List<String> etags = new ArrayList<>();
    private byte[] buffer = new byte[8 * 1024];
    private int length;
    private long bytesWritten;
    private String uploadId;
    private boolean stagedComplete;
    private boolean landed;

    public UploadStream(ObjectStore store, String key, String stagingKey, int partSize) {
        this.store = store;
        this.key = key;
        this.stagingKey = stagingKey;
        this.partSize = partSize;
    }

    @Override
    public void write(int b) {
        ensureCapacity(1);
        buffer[length++] = (byte) b;
        bytesWritten++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensureCapacity(len);
        System.arraycopy(b, off, buffer, length, len);
        length += len;
        bytesWritten += len;
    }

    private void ensureCapacity(int extra) {
        if (length + extra > buffer.length) {
            // grow up to about one part; a part is uploaded (and the buffer reused) as soon as it is full
            int target = Math.max(length + extra, Math.min(Math.max(buffer.length * 2, 8 * 1024), partSize + 64 * 1024));
            buffer = Arrays.copyOf(buffer, Math.max(target, length + extra));
        }
    }

    /** Sends every full part buffered so far. Never called from inside {@link #write}: a failure here leaves the
     *  bytes buffered and the writer consistent, and the next call retries. */
    public void uploadFullParts() {
        while (length >= partSize) {
            if (uploadId == null) {
                uploadId = store.createMultipartUpload(stagingKey);
            }
            etags.add(store.uploadPart(stagingKey, uploadId, etags.size() + 1, buffer, partSize));
            System.arraycopy(buffer, partSize, buffer, 0, length - partSize);
            length -= partSize;
        }
    }

    /** Makes the file visible at its key with {@code userMetadata}. Retryable: resumes where a failure stopped. */
    public void complete(Map<String, String> userMetadata) {
        if (landed) {
            return;
        }
        if (uploadId == null) {
            store.put(key, buffer, length, userMetadata);
        } else {
            if (!stagedComplete) {
                if (length > 0) {
                    etags.add(store.uploadPart(stagingKey, uploadId, etags.size() + 1, buffer, length));
                    length = 0;
                }
                store.completeMultipartUpload(stagingKey, uploadId, etags);
                stagedComplete = true;
            }
            store.copy(stagingKey, key, userMetadata);
            store.delete(stagingKey);
        }
        landed = true;
        buffer = new byte[0];
    }

    /** Gives up the file: aborts a started multipart upload (best effort; a lifecycle rule catches leftovers). */
    public void abort() {
        buffer = new byte[0];
        length = 0;
        if (uploadId != null && !stagedComplete && !landed) {
            try {
                store.abortMultipartUpload(stagingKey, uploadId);
            } catch (RuntimeException e) {
                // invisible anyway; S3's AbortIncompleteMultipartUpload lifecycle rule removes it
            }
        }
    }

    public boolean multipart() {
        return uploadId != null;
    }

    public int parts() {
        return etags.size();
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    /** Bytes held in memory now. */
    public int buffered() {
        return length;
    }

    public String key() {
        return key;
    }
}
