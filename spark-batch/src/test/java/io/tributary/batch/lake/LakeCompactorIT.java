package io.tributary.batch.lake;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compaction of processed-zone partitions on a real local Spark and file system. */
class LakeCompactorIT {
    private static final StructType SCHEMA = StructType.fromDDL("call_id STRING, duration BIGINT");
    private static SparkSession spark;

    @TempDir
    java.nio.file.Path lake;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[1]").appName("compactor-test")
                .config("spark.ui.enabled", false).getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void smallFilesBecomeOneFileWithOneRowPerKeyAndTheRunningBatchIsLeftAlone() throws Exception {
        java.nio.file.Path partition = lake.resolve("log_functions_analysis/event_date=2020-01-01");
        for (int batch = 0; batch < 9; batch++) {
            // consecutive batches overlap by one key, as a backfill over loaded days would
            writeFile(partition, "part-q-" + batch + "-0.parquet", batch * 10, batch * 10 + 11);
        }
        writeFile(partition, "part-running-0.parquet", 1000, 1005);

        var result = compactor(8).compact(hadoop(partition), "call_id", "part-running-");

        assertThat(result).hasValueSatisfying(r -> assertThat(List.of(r.filesIn(), r.filesOut()))
                .containsExactly(9, 1));
        assertThat(names(partition)).hasSize(2).contains("part-running-0.parquet")
                .anyMatch(n -> n.matches("part-compacted-[0-9a-f]{8}-0\\.parquet"));
        List<Row> rows = spark.read().parquet(partition.toString()).orderBy("call_id").collectAsList();
        assertThat(rows).extracting(r -> r.getString(0)).doesNotHaveDuplicates().hasSize(91 + 5);
        assertThat(lake.resolve("log_functions_analysis")).isDirectoryNotContaining("glob:**/_compact-scratch-*");
    }

    @Test
    void partitionWithFewerSmallFilesThanTheMinimumIsNotTouched() throws Exception {
        java.nio.file.Path partition = lake.resolve("web_requests/event_date=2020-01-02");
        writeFile(partition, "part-q-1-0.parquet", 0, 5);
        writeFile(partition, "part-q-2-0.parquet", 5, 10);

        assertThat(compactor(3).compact(hadoop(partition), "call_id", "part-none-")).isEmpty();
        assertThat(names(partition)).containsExactlyInAnyOrder("part-q-1-0.parquet", "part-q-2-0.parquet");
    }

    @Test
    void interruptedCompactionWhoseOutputsAreInPlaceIsFinished() throws Exception {
        java.nio.file.Path partition = lake.resolve("t/event_date=2020-01-03");
        writeFile(partition, "part-q-1-0.parquet", 0, 5);
        writeFile(partition, "part-compacted-aaaaaaaa-0.parquet", 0, 5);
        journal(partition, "aaaaaaaa", List.of("part-q-1-0.parquet"), List.of("part-compacted-aaaaaaaa-0.parquet"));

        compactor(8).compact(hadoop(partition), "call_id", "part-none-");

        assertThat(names(partition)).containsExactly("part-compacted-aaaaaaaa-0.parquet");
    }

    @Test
    void interruptedCompactionWithAnOutputMissingIsRolledBack() throws Exception {
        java.nio.file.Path partition = lake.resolve("t/event_date=2020-01-04");
        writeFile(partition, "part-q-1-0.parquet", 0, 5);
        writeFile(partition, "part-q-2-0.parquet", 5, 10);
        writeFile(partition, "part-compacted-bbbbbbbb-0.parquet", 0, 5);
        journal(partition, "bbbbbbbb", List.of("part-q-1-0.parquet", "part-q-2-0.parquet"),
                List.of("part-compacted-bbbbbbbb-0.parquet", "part-compacted-bbbbbbbb-1.parquet"));

        compactor(8).compact(hadoop(partition), "call_id", "part-none-");

        assertThat(names(partition)).containsExactlyInAnyOrder("part-q-1-0.parquet", "part-q-2-0.parquet");
    }

    private static LakeCompactor compactor(int minFiles) {
        return new LakeCompactor(spark, new LakeCompactor.Options(64L * 1024 * 1024, minFiles));
    }

    private static Path hadoop(java.nio.file.Path path) {
        return new Path(path.toUri());
    }

    /** One parquet file with keys c{from}..c{to-1}. */
    private void writeFile(java.nio.file.Path partition, String name, int from, int to) throws IOException {
        var rows = new ArrayList<Row>();
        for (int i = from; i < to; i++) {
            rows.add(RowFactory.create("c" + i, (long) i));
        }
        java.nio.file.Path scratch = lake.resolve("scratch-" + name);
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite).parquet(scratch.toString());
        Files.createDirectories(partition);
        try (Stream<java.nio.file.Path> files = Files.list(scratch)) {
            java.nio.file.Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                    .orElseThrow();
            Files.move(part, partition.resolve(name));
        }
    }

    private static void journal(java.nio.file.Path partition, String id, List<String> inputs, List<String> outputs)
            throws IOException {
        String json = "{\"inputs\":[" + quoted(partition, inputs) + "],\"outputs\":[" + quoted(partition, outputs) + "]}";
        Files.writeString(partition.resolve(LakeCompactor.JOURNAL_PREFIX + id + ".json"), json, StandardCharsets.UTF_8);
    }

    private static String quoted(java.nio.file.Path partition, List<String> names) {
        return String.join(",", names.stream().map(n -> "\"" + partition.resolve(n).toUri() + "\"").toList());
    }

    private static List<String> names(java.nio.file.Path partition) throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(partition)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).toList();
        }
    }
}
