package io.tributary.connect.s3.format;

import io.tributary.events.LandingLayout;

/**
 * The landing format: one record value per line, gzip-compressed ({@code .jsonl.gz}). Values are written as they
 * come (the stream processors already produce canonical JSON), so the sink never re-serialises them.
 */
public final class JsonLinesGzipFormat {
    public static final String EXTENSION = LandingLayout.JSONL_GZ;

    private JsonLinesGzipFormat() {
    }

    public static GzipLinesBuffer newBuffer() {
        return new GzipLinesBuffer();
    }
}
