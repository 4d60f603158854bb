package io.tributary.monitor.landing;

import io.tributary.monitor.MonitorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SparkFileSourceLogTest {

    @Test
    void anObjectIsProcessedWhenTheVehicleOrTheWebQueryLogListsIt(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("spark-checkpoint");
        writeBatch(calls, "0", "s3a://tributary/landing/vehicle.events/dt=2026-11-30/vehicle.events+0+0000000000.jsonl.gz");
        writeBatch(calls.resolveSibling("spark-checkpoint-web"), "0",
                "s3a://tributary/landing/web.requests/dt=2026-11-30/web.requests+1+0000000000.jsonl.gz");
        // the query checkpoints as the micro-batch names them: <checkpoint> and <checkpoint>-web
        var config = new MonitorConfig(Map.of(MonitorConfig.CHECKPOINT, calls.toUri().toString()));

        assertThat(new SparkFileSourceLog(config.checkpoints()).processedKeys()).containsExactlyInAnyOrder(
                "landing/vehicle.events/dt=2026-11-30/vehicle.events+0+0000000000.jsonl.gz",
                "landing/web.requests/dt=2026-11-30/web.requests+1+0000000000.jsonl.gz");
    }

    @Test
    void aQueryThatHasNotRunABatchYetListsNothing(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("cp");
        writeBatch(calls, "0", "s3a://b/landing/vehicle.events/dt=2026-11-30/vehicle.events+0+0000000000.jsonl.gz");

        assertThat(new SparkFileSourceLog(List.of(calls.toString(), dir.resolve("cp-web").toString()))
                .processedKeys()).hasSize(1);
    }

    @Test
    void anExplicitWebCheckpointReplacesTheDerivedOne() {
        var config = new MonitorConfig(Map.of(MonitorConfig.CHECKPOINT, "/data/cp/",
                MonitorConfig.WEB_CHECKPOINT, "/data/web-cp"));

        assertThat(config.checkpoints()).containsExactly("/data/cp/", "/data/web-cp");
        assertThat(new MonitorConfig(Map.of(MonitorConfig.CHECKPOINT, "/data/cp/")).checkpoints())
                .containsExactly("/data/cp/", "/data/cp-web");
        assertThat(new MonitorConfig(Map.of()).checkpoints()).isEmpty();
    }

    private static void writeBatch(Path checkpoint, String batchId, String path) throws Exception {
        Path log = Files.createDirectories(checkpoint.resolve("sources").resolve("0"));
        Files.writeString(log.resolve(batchId), "v1\n{\"path\":\"" + path
                + "\",\"timestamp\":1764500000000,\"batchId\":" + batchId + "}\n");
    }
}
