package io.tributary.cli.bench;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;

import java.util.Map;

/**
 * The bench's partitioner: simulated vehicle {@code V<n>} goes to partition {@code n % partitions}, so every partition
 * carries the same number of vehicles; other keys (sites) are hashed as Kafka's default partitioner does. Still one
 * partition per key, so per-vehicle order holds.
 *
 * <p>Why: the throughput bench publishes hours of event time as one backlog. Kafka's hash spreads 50 vehicles over 4
 * partitions unevenly (±25%), the Streams consumer serves partitions by records, not by event time, so a partition
 * with fewer vehicles runs ahead in event time, and Spark's single watermark (max event time − lateness) then turns
 * the lagging partitions' events into {@code late}. Live data has no backlog and does not need this.
 */
public final class BalancedVehiclePartitioner implements Partitioner {
    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionsForTopic(topic).size();
        if (key instanceof String vehicle && vehicle.length() > 1 && vehicle.charAt(0) == 'V') {
            try {
                return Integer.parseInt(vehicle.substring(1)) % partitions;
            } catch (NumberFormatException e) {
                // not a simulated vehicle: hashed below
            }
        }
        return BuiltInPartitioner.partitionForKey(keyBytes, partitions);
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
