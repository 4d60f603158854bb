package io.tributary.embeddedpg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Small .txz archives shaped like zonky's: bin/postgres, a library and a symlink to it. */
final class TestArchives {
    private TestArchives() {
    }

    static byte[] postgresLike(String version) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options(1)))) {
            directory(tar, "bin/");
            file(tar, "bin/postgres", 0755, "#!/bin/sh\necho postgres " + version + "\n");
            directory(tar, "lib/");
            file(tar, "lib/libicuuc.so.72.1", 0644, "library " + version);
            var link = new TarArchiveEntry("lib/libicuuc.so", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("libicuuc.so.72.1");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /** An archive with an entry named ../escaped: extraction must refuse it. */
    static byte[] escaping() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options(1)))) {
            file(tar, "../escaped", 0644, "outside");
        }
        return bytes.toByteArray();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name));
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        var entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    /** A stream that fails after {@code limit} bytes, as an extraction killed midway would stop. */
    static InputStream failingAfter(byte[] data, int limit) {
        return new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position >= limit) {
                    throw new IOException("cut short after " + limit + " bytes");
                }
                return position < data.length ? data[position++] & 0xff : -1;
            }
        };
    }
}
