package io.tributary.producers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Main of {@link ChildKafka}'s JVM: formats the KRaft storage, then runs {@code kafka.Kafka}. Args: properties, cluster id. */
public final class ChildKafkaMain {
    private ChildKafkaMain() {
    }

    public static void main(String[] args) throws IOException {
        var props = new Properties();
        try (var in = Files.newInputStream(Path.of(args[0]))) {
            props.load(in);
        }
        if (!Files.exists(Path.of(props.getProperty("log.dirs"), "meta.properties"))) {
            int rc = kafka.tools.StorageTool.execute(new String[] {"format", "--config", args[0], "--cluster-id",
                    args[1], "--ignore-formatted"}, System.out);
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed with code " + rc);
            }
        }
        kafka.Kafka.main(new String[] {args[0]});
    }
}
