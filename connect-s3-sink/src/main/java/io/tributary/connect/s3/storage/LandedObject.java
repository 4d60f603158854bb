package io.tributary.connect.s3.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One uploaded landing file of a partition: the records of one encoded (time) partition whose offsets lie in
 * {@code startOffset..endOffset}. Several files of a partition may be open at once (one per time partition), so
 * ranges of different encoded partitions interleave; within one encoded partition they never overlap, and a file
 * holds every record of its encoded partition in its range that is not in another landed file.
 * <p>
 * User metadata carries what a restarted task needs (README.md, "Why it is exactly-once"):
 * {@code end-offset}; {@code watermark} = every offset below it was landed (or skipped) when this file landed;
 * {@code landed-above} = start offsets of this partition's landed files that end at or above the watermark.
 *
 * @param recordCount may be smaller than the range (offsets of other time partitions, transaction markers, DLQ)
 */
public record LandedObject(String key, String encodedPartition, long startOffset, long endOffset, long recordCount,
                           long watermark, List<Long> landedAbove) {
    public static final String META_START_OFFSET = "start-offset";
    public static final String META_END_OFFSET = "end-offset";
    public static final String META_RECORD_COUNT = "record-count";
    public static final String META_WATERMARK = "watermark";
    public static final String META_LANDED_ABOVE = "landed-above";

    public LandedObject {
        landedAbove = List.copyOf(landedAbove);
    }

    public boolean covers(String partition, long offset) {
        return encodedPartition.equals(partition) && offset >= startOffset && offset <= endOffset;
    }

    public Map<String, String> userMetadata() {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(META_START_OFFSET, Long.toString(startOffset));
        metadata.put(META_END_OFFSET, Long.toString(endOffset));
        metadata.put(META_RECORD_COUNT, Long.toString(recordCount));
        metadata.put(META_WATERMARK, Long.toString(watermark));
        StringBuilder above = new StringBuilder();
        for (Long start : landedAbove) {
            above.append(above.isEmpty() ? "" : ",").append(start);
        }
        metadata.put(META_LANDED_ABOVE, above.toString());
        return metadata;
    }

    /** Reads the metadata; objects of the first version (no watermark) were contiguous: watermark = end + 1. */
    static LandedObject fromMetadata(String key, String encodedPartition, long start, Map<String, String> metadata) {
        long end = Long.parseLong(metadata.get(META_END_OFFSET));
        long count = Long.parseLong(metadata.getOrDefault(META_RECORD_COUNT, "-1"));
        long watermark = Long.parseLong(metadata.getOrDefault(META_WATERMARK, Long.toString(end + 1)));
        List<Long> above = new ArrayList<>();
        String list = metadata.getOrDefault(META_LANDED_ABOVE, "");
        if (!list.isEmpty()) {
            for (String s : list.split(",")) {
                above.add(Long.parseLong(s.trim()));
            }
        }
        return new LandedObject(key, encodedPartition, start, end, count, watermark, above);
    }
}
