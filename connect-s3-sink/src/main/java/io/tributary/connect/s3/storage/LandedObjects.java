package io.tributary.connect.s3.storage;

import io.tributary.events.LandingLayout;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Finds out what of a partition is already in the landing zone, so a (re)started task resumes from S3, not from
 * memory or the consumer's possibly stale committed offset. Reads object metadata of a bounded number of recent
 * files (see {@link #recover}); the listing itself is one per topic.
 */
public final class LandedObjects {
    private static final Logger log = LoggerFactory.getLogger(LandedObjects.class);
    public static final String STAGING_DIR = "_staging";

    private LandedObjects() {
    }

    /** What a partition has in S3: resume at {@code resumeOffset} (-1: nothing landed) and skip offsets of
     *  {@code above}, the landed files that end at or after it. */
    public record Recovery(long resumeOffset, List<LandedObject> above) {
        public static final Recovery NOTHING = new Recovery(-1, List.of());

        public Recovery {
            above = List.copyOf(above);
        }
    }

    /**
     * The recovery of each of {@code partitions} (all of {@code topic}).
     * <p>
     * Why reading a few objects is enough: the watermark W (all offsets below W landed) only grows, so the true
     * resume point R is the largest W of any object. Let N be the file with the highest start offset. A file that
     * landed after N, or that ends at or after R, either was open when N landed (so it starts at or above W_N) or
     * landed before N and ends above W_N, and then N's {@code landed-above} lists it. So reading N, every file
     * starting at or above W_N, and the files N lists finds R and every file that ends at or after R. Their
     * number is bounded by the writer (max.open.files.per.task and the cap on files landed above the watermark).
     */
    public static Map<TopicPartition, Recovery> recover(ObjectStore store, String topicsDir, String topic,
                                                        Collection<TopicPartition> partitions, String extension) {
        String prefix = LandingLayout.topicPrefix(topicsDir, topic);
        List<String> keys = store.listKeys(prefix);
        Map<TopicPartition, Recovery> result = new HashMap<>();
        for (TopicPartition tp : partitions) {
            if (!tp.topic().equals(topic)) {
                throw new IllegalArgumentException(tp + " is not a partition of " + topic);
            }
            TreeMap<Long, String> byStart = new TreeMap<>();
            for (String key : keys) {
                startOffsetOf(key, tp, extension).ifPresent(start -> byStart.put(start, key));
            }
            result.put(tp, recover(store, prefix, tp, byStart));
        }
        return result;
    }

    private static Recovery recover(ObjectStore store, String prefix, TopicPartition tp, TreeMap<Long, String> byStart) {
        if (byStart.isEmpty()) {
            return Recovery.NOTHING;
        }
        Map<Long, LandedObject> read = new HashMap<>();
        LandedObject newest = read(store, prefix, tp, byStart.lastKey(), byStart.lastEntry().getValue());
        read.put(newest.startOffset(), newest);
        for (var entry : byStart.tailMap(Math.min(newest.watermark(), newest.startOffset()), true).entrySet()) {
            read.computeIfAbsent(entry.getKey(), s -> read(store, prefix, tp, s, entry.getValue()));
        }
        for (Long start : newest.landedAbove()) {
            String key = byStart.get(start);
            if (key == null) {
                throw new ConnectException("Object " + store.describe() + "/" + newest.key() + " lists a file of " + tp
                        + " starting at offset " + start + " that is not in the bucket; landed files were removed "
                        + "or moved, so the sink cannot tell which offsets are landed");
            }
            read.computeIfAbsent(start, s -> read(store, prefix, tp, s, key));
        }
        long resume = read.values().stream().mapToLong(LandedObject::watermark).max().orElseThrow();
        List<LandedObject> above = new ArrayList<>();
        read.values().stream().filter(o -> o.endOffset() >= resume)
                .sorted((a, b) -> Long.compare(a.startOffset(), b.startOffset())).forEach(above::add);
        log.debug("Recovered {}: read metadata of {} of {} files, resume at {}, {} files at or above it", tp,
                read.size(), byStart.size(), resume, above.size());
        return new Recovery(resume, above);
    }

    private static LandedObject read(ObjectStore store, String prefix, TopicPartition tp, long start, String key) {
        Map<String, String> metadata = store.userMetadata(key);
        if (metadata.get(LandedObject.META_END_OFFSET) == null) {
            throw new ConnectException("Object " + store.describe() + "/" + key + " has no '"
                    + LandedObject.META_END_OFFSET + "' metadata, so the sink cannot tell which offsets of " + tp
                    + " it holds; it was not written by this sink: remove it or use another topics.dir");
        }
        return LandedObject.fromMetadata(key, encodedPartitionOf(prefix, key), start, metadata);
    }

    /** {@code dt=2020-01-01} of {@code landing/topic/dt=2020-01-01/topic+0+0000000000.jsonl.gz}. */
    public static String encodedPartitionOf(String topicPrefix, String key) {
        return key.substring(topicPrefix.length(), key.lastIndexOf('/'));
    }

    /** Hidden key under which a multipart file is assembled before it is copied to {@code key}. */
    public static String stagingKey(String topicsDir, String key) {
        return topicsDir + "/" + STAGING_DIR + "/" + key.substring(topicsDir.length() + 1);
    }

    /** The start offset encoded in {@code key} if it is a landing file of {@code tp}. */
    static OptionalLong startOffsetOf(String key, TopicPartition tp, String extension) {
        String fileName = key.substring(key.lastIndexOf('/') + 1);
        // the trailing '+' keeps partition 1 from matching files of partition 10
        String head = tp.topic() + "+" + tp.partition() + "+";
        String tail = "." + extension;
        if (!fileName.startsWith(head) || !fileName.endsWith(tail)
                || fileName.length() <= head.length() + tail.length()) {
            return OptionalLong.empty();
        }
        String digits = fileName.substring(head.length(), fileName.length() - tail.length());
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(digits));
    }
}
