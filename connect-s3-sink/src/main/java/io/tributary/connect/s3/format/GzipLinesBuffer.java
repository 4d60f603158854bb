package io.tributary.connect.s3.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The content of one open file, compressed as it grows. Held in memory: a file holds at most {@code flush.size}
 * records, so its size is bounded by flush.size times the record size (compressed).
 */
public final class GzipLinesBuffer {
    private static final byte NEWLINE = '\n';

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final GZIPOutputStream gzip;
    private boolean finished;

    GzipLinesBuffer() {
        try {
            gzip = new GZIPOutputStream(bytes, 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void appendLine(byte[] line) {
        if (finished) {
            throw new IllegalStateException("buffer already finished");
        }
        try {
            gzip.write(line);
            gzip.write(NEWLINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream: cannot happen
        }
    }

    /** Completes the gzip stream and returns the whole file. */
    public byte[] finish() {
        release();
        return bytes.toByteArray();
    }

    /** Frees the deflater's native memory now rather than at garbage collection (also for discarded files). */
    public void release() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            gzip.close(); // finishes the stream and ends the deflater
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
