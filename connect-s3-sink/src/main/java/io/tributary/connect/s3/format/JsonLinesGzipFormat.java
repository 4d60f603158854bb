package io.tributary.connect.s3.format;

import io.tributary.events.LandingLayout;
import org.apache.kafka.connect.sink.SinkRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The landing format: one record value per line, gzip-compressed ({@code .jsonl.gz}). Values are written as they
 * come (the stream processors already produce canonical JSON), so the sink never re-serialises them. The gzip
 * stream writes into the upload stream, so memory holds compressed bytes only.
 */
public final class JsonLinesGzipFormat implements RecordFormat {
    public static final String EXTENSION = LandingLayout.JSONL_GZ;
    private static final byte NEWLINE = '\n';

    @Override
    public String extension() {
        return EXTENSION;
    }

    @Override
    public RecordFileWriter open(OutputStream out) {
        try {
            GZIPOutputStream gzip = new GZIPOutputStream(out, 32 * 1024);
            return new RecordFileWriter() {
                private boolean finished;

                @Override
                public void write(SinkRecord record) {
                    byte[] line = RecordValues.lineOf(record);
                    try {
                        gzip.write(line);
                        gzip.write(NEWLINE);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e); // the upload stream buffers in memory: cannot happen
                    }
                }

                @Override
                public void finish() {
                    close();
                }

                @Override
                public void discard() {
                    close();
                }

                private void close() {
                    if (finished) {
                        return;
                    }
                    finished = true;
                    try {
                        gzip.close(); // finishes the stream and frees the deflater's native memory now
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
