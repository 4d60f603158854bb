package io.tributary.monitor.status;

import java.time.Duration;

/** What the status server samples, every {@link #pollInterval()}. */
public interface StatusSources extends AutoCloseable {

    /** One sample of every source; a source that fails is reported in its stage row, never thrown. */
    StatusSnapshot collect();

    Duration pollInterval();

    /** The cluster_name label of the kafka_consumergroup_* metrics. */
    String clusterName();

    @Override
    void close();
}
