package io.tributary.cli.bench;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class BalancedVehiclePartitionerTest {
    private static final Node NODE = new Node(0, "localhost", 9092);

    private static Cluster cluster(String topic, int partitions) {
        var infos = new ArrayList<PartitionInfo>();
        for (int p = 0; p < partitions; p++) {
            infos.add(new PartitionInfo(topic, p, NODE, new Node[] {NODE}, new Node[] {NODE}));
        }
        return new Cluster("test", List.of(NODE), infos, Set.of(), Set.of());
    }

    @Test
    void simulatedVehiclesSpreadEvenlyAndOtherKeysHashAsKafkaDoes() {
        var partitioner = new BalancedVehiclePartitioner();
        Cluster cluster = cluster("vehicle.logs.raw", 4);
        var perPartition = new TreeMap<Integer, Integer>();
        for (int v = 1; v <= 50; v++) {
            String key = String.format("V%03d", v);
            perPartition.merge(partitioner.partition("vehicle.logs.raw", key, key.getBytes(StandardCharsets.UTF_8),
                    null, null, cluster), 1, Integer::sum);
        }
        assertThat(perPartition.values()).containsExactly(12, 13, 13, 12);

        byte[] site = "hotels-north".getBytes(StandardCharsets.UTF_8);
        assertThat(partitioner.partition("vehicle.logs.raw", "hotels-north", site, null, null, cluster))
                .isEqualTo(BuiltInPartitioner.partitionForKey(site, 4));
    }
}
