package io.tributary.connect.s3.storage;

import io.tributary.events.LandingLayout;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Finds what of a partition is already in the landing zone, so a (re)started task resumes right after it. */
public final class LandedObjects {
    private LandedObjects() {
    }

    /**
     * The newest landed file of each of {@code partitions} (all of one topic) that has one: the file with the
     * highest start offset among {@code <topicsDir>/<topic>/dt=.../<topic>+<partition>+<start>.<extension>}. Files
     * of one partition are contiguous, non-overlapping offset ranges, so the highest start also holds the highest
     * end offset, which is read from the object's metadata. One listing serves all partitions of the topic.
     */
    public static Map<TopicPartition, LandedObject> newest(ObjectStore store, String topicsDir, String topic,
                                                           Collection<TopicPartition> partitions, String extension) {
        Map<TopicPartition, String> newestKeys = new HashMap<>();
        Map<TopicPartition, Long> newestStarts = new HashMap<>();
        List<String> keys = store.listKeys(LandingLayout.topicPrefix(topicsDir, topic));
        for (TopicPartition tp : partitions) {
            if (!tp.topic().equals(topic)) {
                throw new IllegalArgumentException(tp + " is not a partition of " + topic);
            }
            for (String key : keys) {
                OptionalLong start = startOffsetOf(key, tp, extension);
                if (start.isPresent() && start.getAsLong() > newestStarts.getOrDefault(tp, -1L)) {
                    newestStarts.put(tp, start.getAsLong());
                    newestKeys.put(tp, key);
                }
            }
        }
        Map<TopicPartition, LandedObject> newest = new HashMap<>();
        newestKeys.forEach((tp, key) -> newest.put(tp, read(store, tp, key, newestStarts.get(tp))));
        return newest;
    }

    /** {@link #newest(ObjectStore, String, String, Collection, String)} for one partition. */
    public static Optional<LandedObject> newest(ObjectStore store, String topicsDir, TopicPartition tp,
                                                String extension) {
        return Optional.ofNullable(newest(store, topicsDir, tp.topic(), List.of(tp), extension).get(tp));
    }

    private static LandedObject read(ObjectStore store, TopicPartition tp, String key, long start) {
        Map<String, String> metadata = store.userMetadata(key);
        String end = metadata.get(LandedObject.META_END_OFFSET);
        if (end == null) {
            throw new ConnectException("Object " + store.describe() + "/" + key + " has no '"
                    + LandedObject.META_END_OFFSET + "' metadata, so the sink cannot tell which offsets of " + tp
                    + " it holds; it was not written by this sink: remove it or use another topics.dir");
        }
        long count = Long.parseLong(metadata.getOrDefault(LandedObject.META_RECORD_COUNT, "-1"));
        return new LandedObject(key, start, Long.parseLong(end), count);
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
