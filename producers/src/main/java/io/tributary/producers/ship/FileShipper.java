package io.tributary.producers.ship;

import io.tributary.events.RawHeaders;
import io.tributary.producers.publish.LogPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Publishes log files line by line (a backfill of seed folders and access logs). Each line carries headers
 * {@code source=ship:<file identity>} and {@code seq=<line number>}, so the stream processors give it the same event id
 * however often it is shipped: re-shipping produces no new canonical event. Progress per file is kept in
 * {@link ShipOffsets} after each flush, so an interrupted run resumes after the last acknowledged line.
 */
public final class FileShipper {
    private static final Logger LOG = LoggerFactory.getLogger(FileShipper.class);
    private static final int CHECKPOINT_LINES = 50_000;
    private static final java.util.regex.Pattern JSON_VEHICLE =
            java.util.regex.Pattern.compile("\"vehicle_id\"\\s*:\\s*\"([^\"]*)\"");

    private final LogPublisher publisher;
    private final ShipOffsets offsets;

    /**
     * @param file        the file being shipped
     * @param filesDone   files finished before this one
     * @param lines       lines published in this run so far
     * @param bytesDone   bytes of all files read so far (skipped lines included)
     * @param bytesTotal  bytes of all files
     */
    public record Progress(ShipFile file, int filesDone, int filesTotal, long lines, long bytesDone, long bytesTotal) {
    }

    /** @param skipped lines not published because an earlier run had shipped them */
    public record Report(int files, long published, long skipped) {
    }

    public FileShipper(LogPublisher publisher, ShipOffsets offsets) {
        this.publisher = publisher;
        this.offsets = offsets;
    }

    public Report ship(List<ShipFile> files, Consumer<Progress> progress) {
        long bytesTotal = files.stream().mapToLong(ShipFile::size).sum();
        long[] totals = {0, 0, 0}; // published, skipped, bytes
        var failure = new AtomicReference<Throwable>();
        for (int i = 0; i < files.size(); i++) {
            ShipFile file = files.get(i);
            long done = offsets.shippedLines(file);
            var charset = StandardCharsets.UTF_8.newDecoder()
                    // a byte that is not UTF-8 becomes U+FFFD: the line still ships and still gets its id
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file.path()),
                    charset), 1 << 16)) {
                long lineNumber = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    totals[2] += line.length() + 1;
                    if (lineNumber <= done) {
                        totals[1]++;
                        continue;
                    }
                    String key = file.vehicle() ? vehicleKey(line) : file.site();
                    publisher.publish(file.topic(), key, line, Map.of(RawHeaders.SOURCE, file.source(),
                            RawHeaders.SEQ, Long.toString(lineNumber))).whenComplete((m, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                    totals[0]++;
                    if (lineNumber % CHECKPOINT_LINES == 0) {
                        checkpoint(file, lineNumber, failure);
                        progress.accept(new Progress(file, i, files.size(), totals[0], totals[2], bytesTotal));
                    }
                }
                checkpoint(file, Math.max(lineNumber, done), failure);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.path(), e);
            }
            progress.accept(new Progress(file, i + 1, files.size(), totals[0], Math.min(totals[2], bytesTotal),
                    bytesTotal));
            LOG.info("Shipped {} ({} lines published so far)", file.path(), totals[0]);
        }
        return new Report(files.size(), totals[0], totals[1]);
    }

    private void checkpoint(ShipFile file, long lines, AtomicReference<Throwable> failure) {
        publisher.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("could not publish lines of " + file.path() + " (the next run resumes "
                    + "after the last acknowledged checkpoint): " + failure.get().getMessage(), failure.get());
        }
        offsets.markShipped(file, lines);
    }

    /** The first CSV field: the vehicle_id, so a vehicle's lines stay in order on one partition. */
    static String vehicleKey(String line) {
        int comma = line.indexOf(',');
        String first = (comma < 0 ? line : line.substring(0, comma)).strip();
        if (first.startsWith("{")) {
            var json = JSON_VEHICLE.matcher(line);
            return json.find() ? json.group(1) : null;
        }
        return first.isEmpty() ? null : first;
    }
}
