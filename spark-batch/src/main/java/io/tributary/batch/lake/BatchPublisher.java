package io.tributary.batch.lake;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Writes one batch's calls to the lake: staging parquet + COPY manifest (what the warehouse loads), then the processed
 * zone under names derived from the load batch id, so replaying a batch overwrites its files instead of adding
 * copies. Everything here is idempotent per load batch id.
 */
public final class BatchPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(BatchPublisher.class);
    public static final String MANIFEST = "manifest.json";

    private final SparkSession spark;
    private final LakePaths paths;
    /** Processed-zone partitions written since {@link #takeTouched} was last called, per table. */
    private final Map<String, Set<Path>> touched = new ConcurrentHashMap<>();

    public BatchPublisher(SparkSession spark, LakePaths paths) {
        this.spark = spark;
        this.paths = paths;
    }

    /** What was written for a batch; the manifest is absent when the batch had no calls. */
    public record Published(Optional<String> manifestPath, Optional<String> manifestRedshiftUrl, int stagedFiles,
                            int processedFiles) {
    }

    /**
     * Writes one batch of a table: {@code staged} rows to staging + manifest (what the warehouse loads), and
     * {@code processed} rows, if given, to the processed zone partitioned by {@code event_date}. Both are written by
     * Spark from the batch's partitions, so nothing passes through the driver and a batch of any size fits.
     *
     * @param staged    rows in the table's column order; {@code stagedRows} of them (known to the caller, who
     *                  collected or counted them), no manifest when 0
     * @param processed rows with an {@code event_date} column, or null for a table the lake does not keep
     */
    public Published publishTable(String table, String loadBatchId, Dataset<Row> staged, long stagedRows,
                                  Dataset<Row> processed) {
        int processedFiles = processed == null ? 0 : publishProcessed(processed, table, loadBatchId);
        if (stagedRows == 0) {
            return new Published(Optional.empty(), Optional.empty(), 0, processedFiles);
        }
        String staging = paths.stagingBatch(table, loadBatchId);
        staged.write().mode(SaveMode.Overwrite).options(writeOptions(staged)).parquet(staging);
        List<FileStatus> files = parquetFiles(new Path(staging));
        var entries = files.stream()
                .map(f -> new CopyManifest.Entry(paths.redshiftUrl(f.getPath().toString()), f.getLen()))
                .toList();
        String manifest = staging + MANIFEST;
        writeText(new Path(manifest), CopyManifest.toJson(entries));
        LOG.debug("batch {}: {} staged in {} file(s), {} processed file(s)", loadBatchId, table, files.size(),
                processedFiles);
        return new Published(Optional.of(manifest), Optional.of(paths.redshiftUrl(manifest)), files.size(),
                processedFiles);
    }

    /**
     * Spark names output files with a random UUID; writing to scratch and renaming to
     * {@code part-<loadBatchId>-<n>.parquet} makes a replay replace the batch's files rather than add to them.
     */
    private int publishProcessed(Dataset<Row> frame, String table, String loadBatchId) {
        String scratch = paths.publishScratch(table, loadBatchId);
        frame.write().mode(SaveMode.Overwrite).options(writeOptions(frame)).partitionBy(CallsTable.EVENT_DATE)
                .parquet(scratch);
        Path scratchPath = new Path(scratch);
        Path target = new Path(paths.processedTable(table));
        int published = 0;
        try {
            FileSystem fs = scratchPath.getFileSystem(hadoopConf());
            for (FileStatus dateDir : fs.listStatus(scratchPath, p -> p.getName().startsWith(CallsTable.EVENT_DATE + "="))) {
                Path targetDir = new Path(target, dateDir.getPath().getName());
                fs.mkdirs(targetDir);
                touch(table, targetDir);
                String prefix = "part-" + loadBatchId + "-";
                for (FileStatus old : fs.listStatus(targetDir, p -> p.getName().startsWith(prefix))) {
                    fs.delete(old.getPath(), false);
                }
                List<FileStatus> files = parquetFiles(dateDir.getPath());
                for (int n = 0; n < files.size(); n++) {
                    Path to = new Path(targetDir, prefix + n + ".parquet");
                    if (!fs.rename(files.get(n).getPath(), to)) {
                        throw new IOException("cannot move " + files.get(n).getPath() + " to " + to);
                    }
                    published++;
                }
            }
            fs.delete(scratchPath, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish batch " + loadBatchId + " to " + target, e);
        }
        return published;
    }

    /** Columns whose every value is different: a dictionary cannot shrink them, only cost (see writeOptions). */
    private static final Set<String> UNIQUE_KEYS = Set.of("call_id", "event_id", "session_id");

    /**
     * Parquet writes every string column through a dictionary until the dictionary outgrows a page; for the keys,
     * whose values never repeat, building and dropping it was the largest part of writing a batch's files (a tenth
     * of the Spark JVM's CPU in a bench profile). The repetitive columns (vehicle, function, site, path) keep it.
     */
    static Map<String, String> writeOptions(Dataset<Row> frame) {
        var options = new java.util.HashMap<String, String>();
        for (String column : frame.columns()) {
            if (UNIQUE_KEYS.contains(column)) {
                options.put("parquet.enable.dictionary#" + column, "false");
            }
        }
        return options;
    }

    /** Marks a processed-zone partition of a table as written (for {@link #takeTouched}). */
    public void touch(String table, Path partition) {
        touched.computeIfAbsent(table, t -> ConcurrentHashMap.newKeySet()).add(partition);
    }

    /** The processed-zone partitions of a table written since the last call, for compaction. */
    public Set<Path> takeTouched(String table) {
        Set<Path> taken = touched.remove(table);
        return taken == null ? Set.of() : taken;
    }

    private List<FileStatus> parquetFiles(Path dir) {
        try {
            FileSystem fs = dir.getFileSystem(hadoopConf());
            var files = new ArrayList<>(Arrays.asList(fs.listStatus(dir,
                    p -> p.getName().startsWith("part-") && p.getName().endsWith(".parquet"))));
            files.sort(Comparator.comparing(f -> f.getPath().getName()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private void writeText(Path path, String text) {
        try (OutputStream out = path.getFileSystem(hadoopConf()).create(path, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private Configuration hadoopConf() {
        return spark.sparkContext().hadoopConfiguration();
    }
}
