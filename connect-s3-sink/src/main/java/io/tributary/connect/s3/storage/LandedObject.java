package io.tributary.connect.s3.storage;

import java.util.HashMap;
import java.util.Map;

/**
 * One uploaded landing file: it holds the records of one partition with offsets {@code startOffset..endOffset}
 * (inclusive; {@code recordCount} may be smaller when offsets are missing, e.g. transaction markers or records
 * sent to the DLQ). The end offset travels in the object's user metadata so a restarted task can resume after it.
 */
public record LandedObject(String key, long startOffset, long endOffset, long recordCount) {
    public static final String META_START_OFFSET = "start-offset";
    public static final String META_END_OFFSET = "end-offset";
    public static final String META_RECORD_COUNT = "record-count";

    public Map<String, String> userMetadata() {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(META_START_OFFSET, Long.toString(startOffset));
        metadata.put(META_END_OFFSET, Long.toString(endOffset));
        metadata.put(META_RECORD_COUNT, Long.toString(recordCount));
        return metadata;
    }
}
