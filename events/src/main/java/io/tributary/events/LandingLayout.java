package io.tributary.events;

import java.time.LocalDate;

/**
 * Object keys of the S3 landing zone:
 * {@code <topicsDir>/<topic>/dt=YYYY-MM-DD/<topic>+<partition>+<startOffset:%010d>.jsonl.gz}.
 */
public final class LandingLayout {
    public static final String DEFAULT_TOPICS_DIR = "landing";
    public static final String JSONL_GZ = "jsonl.gz";

    private LandingLayout() {
    }

    public static String topicPrefix(String topicsDir, String topic) {
        return topicsDir + "/" + topic + "/";
    }

    public static String objectKey(String topicsDir, String topic, LocalDate date, int partition, long startOffset,
                                   String extension) {
        return topicPrefix(topicsDir, topic) + "dt=" + date + "/" + fileName(topic, partition, startOffset, extension);
    }

    public static String fileName(String topic, int partition, long startOffset, String extension) {
        return String.format("%s+%d+%010d.%s", topic, partition, startOffset, extension);
    }
}
