package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class SparkParquetBaselineTest {
    @Test
    void aSampledTopicIsRatedOnItsShareOfTheRawBytes() {
        var props = new Properties();
        props.setProperty("vehicle.events.seconds", "2.0");
        props.setProperty("vehicle.events.records", "250000");
        props.setProperty("vehicle.events.landed_bytes", "8000000");
        props.setProperty("web.requests.seconds", "1.0");
        props.setProperty("web.requests.records", "1000");
        props.setProperty("web.requests.landed_bytes", "100000");
        var raw = new LinkedHashMap<String, Long>();
        raw.put("vehicle.events", 100_000_000L);
        raw.put("web.requests", 200_000L);

        var baselines = SparkParquetBaseline.parse(props, raw,
                Map.of("vehicle.events", 1_000_000L, "web.requests", 1_000L));

        // a quarter of the vehicle events were read: a quarter of their raw bytes in 2 s; web read whole
        assertThat(baselines).extracting(BenchResult.Baseline::mbPerS).containsExactly(12.5, 0.2);
        assertThat(baselines).extracting(BenchResult.Baseline::recordsPerS).containsExactly(125_000.0, 1_000.0);
    }
}
