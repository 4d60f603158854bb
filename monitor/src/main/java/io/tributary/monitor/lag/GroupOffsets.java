package io.tributary.monitor.lag;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * What the Admin API says about a group at one moment.
 *
 * @param committed  committed offset per partition (partitions assigned but never committed are absent)
 * @param logEnd     log-end offset of every partition in {@code committed} or {@code assigned}
 * @param assigned   the active member owning each assigned partition
 */
record GroupOffsets(String group, Map<TopicPartition, Long> committed, Map<TopicPartition, Long> logEnd,
                    Map<TopicPartition, Member> assigned, boolean hasMembers) {

    record Member(String consumerId, String host, String clientId) {
        static final Member NONE = new Member("-", "-", "-");
    }
}
