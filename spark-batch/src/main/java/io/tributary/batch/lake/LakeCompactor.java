package io.tributary.batch.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Rewrites the small files of a processed-zone partition ({@code <table>/event_date=…/}) into files near a target
 * size, what S3DistCp did for the seeds. Each micro-batch adds a few small files per date; readers (Spectrum, Athena,
 * Spark) pay per file.
 *
 * <p>Rows are deduplicated by the table's key on the way: processed rows are immutable facts (final calls, requests),
 * so copies — a backfill over loaded days, leftovers of an interrupted compaction — are identical and one is kept.
 *
 * <p>Crash safety without a table format: the compacted files are written to scratch, then a journal listing inputs
 * and outputs is written into the partition ({@code _compaction-<id>.json}: readers skip names starting with
 * {@code _}), then outputs are moved in, inputs deleted, journal deleted. A journal found later is finished (outputs
 * all in place: delete the inputs) or rolled back (else: delete the outputs). Between the move and the delete a
 * reader listing the partition can see a row twice; that window is one rename + delete per file.
 */
public final class LakeCompactor {
    private static final Logger LOG = LoggerFactory.getLogger(LakeCompactor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String JOURNAL_PREFIX = "_compaction-";

    /**
     * @param targetFileBytes a compacted file's intended size; files of at least half of it are left alone
     * @param minFiles        a partition is compacted once it has this many small files
     */
    public record Options(long targetFileBytes, int minFiles) {
    }

    /** What compacting one partition did. */
    public record Result(Path partition, int filesIn, int filesOut, long bytesIn) {
    }

    private final SparkSession spark;
    private final Options options;

    public LakeCompactor(SparkSession spark, Options options) {
        this.spark = spark;
        this.options = options;
    }

    /**
     * Compacts one partition if it has enough small files.
     *
     * @param key           the table's key column (call_id, event_id)
     * @param excludePrefix file names starting with this are left alone (the running batch's files, which a replay
     *                      of that batch would write again)
     */
    public java.util.Optional<Result> compact(Path partition, String key, String excludePrefix) {
        try {
            FileSystem fs = partition.getFileSystem(hadoopConf());
            recover(fs, partition);
            var small = new ArrayList<FileStatus>();
            for (FileStatus file : fs.listStatus(partition, p -> p.getName().startsWith("part-")
                    && p.getName().endsWith(".parquet") && !p.getName().startsWith(excludePrefix))) {
                if (file.getLen() < options.targetFileBytes() / 2) {
                    small.add(file);
                }
            }
            if (small.size() < options.minFiles()) {
                return java.util.Optional.empty();
            }
            small.sort(java.util.Comparator.comparing(f -> f.getPath().getName()));
            long bytes = small.stream().mapToLong(FileStatus::getLen).sum();
            int outputs = (int) Math.max(1, Math.ceil((double) bytes / options.targetFileBytes()));
            String id = UUID.randomUUID().toString().substring(0, 8);
            Path scratch = new Path(partition.getParent(), "_compact-scratch-" + partition.getName() + "-" + id);
            Dataset<Row> rows = spark.read().parquet(small.stream().map(f -> f.getPath().toString())
                    .toArray(String[]::new));
            rows.dropDuplicates(key).repartition(outputs).sortWithinPartitions(key)
                    .write().mode(SaveMode.Overwrite).parquet(scratch.toString());
            List<FileStatus> written = Arrays.stream(fs.listStatus(scratch, p -> p.getName().endsWith(".parquet")))
                    .sorted(java.util.Comparator.comparing(f -> f.getPath().getName())).toList();
            var outputsInPlace = new ArrayList<Path>();
            for (int n = 0; n < written.size(); n++) {
                outputsInPlace.add(new Path(partition, "part-compacted-" + id + "-" + n + ".parquet"));
            }
            Path journal = new Path(partition, JOURNAL_PREFIX + id + ".json");
            writeJournal(fs, journal, small.stream().map(FileStatus::getPath).toList(), outputsInPlace);
            for (int n = 0; n < written.size(); n++) {
                if (!fs.rename(written.get(n).getPath(), outputsInPlace.get(n))) {
                    throw new IOException("cannot move " + written.get(n).getPath() + " to " + outputsInPlace.get(n));
                }
            }
            finish(fs, journal, small.stream().map(FileStatus::getPath).toList());
            fs.delete(scratch, true);
            LOG.info("compacted {}: {} files ({} bytes) into {}", partition, small.size(), bytes, written.size());
            return java.util.Optional.of(new Result(partition, small.size(), written.size(), bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact " + partition, e);
        }
    }

    /** Finishes or rolls back what an interrupted compaction of this partition left. */
    void recover(FileSystem fs, Path partition) throws IOException {
        for (FileStatus journal : fs.listStatus(partition, p -> p.getName().startsWith(JOURNAL_PREFIX))) {
            ObjectNode node;
            try (InputStream in = fs.open(journal.getPath())) {
                node = (ObjectNode) JSON.readTree(in);
            }
            List<Path> inputs = paths(node, "inputs");
            List<Path> outputs = paths(node, "outputs");
            boolean allMoved = true;
            for (Path output : outputs) {
                allMoved &= fs.exists(output);
            }
            if (allMoved) {
                LOG.warn("finishing an interrupted compaction of {} ({})", partition, journal.getPath().getName());
                finish(fs, journal.getPath(), inputs);
            } else {
                LOG.warn("rolling back an interrupted compaction of {} ({})", partition, journal.getPath().getName());
                for (Path output : outputs) {
                    fs.delete(output, false);
                }
                fs.delete(journal.getPath(), false);
            }
        }
    }

    private static void finish(FileSystem fs, Path journal, List<Path> inputs) throws IOException {
        for (Path input : inputs) {
            fs.delete(input, false);
        }
        fs.delete(journal, false);
    }

    private static void writeJournal(FileSystem fs, Path journal, List<Path> inputs, List<Path> outputs)
            throws IOException {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode in = node.putArray("inputs");
        inputs.forEach(p -> in.add(p.toString()));
        ArrayNode out = node.putArray("outputs");
        outputs.forEach(p -> out.add(p.toString()));
        try (OutputStream stream = fs.create(journal, true)) {
            stream.write(JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<Path> paths(ObjectNode node, String field) {
        var paths = new ArrayList<Path>();
        node.withArray(field).forEach(p -> paths.add(new Path(p.asText())));
        return paths;
    }

    private Configuration hadoopConf() {
        return spark.sparkContext().hadoopConfiguration();
    }
}
