package io.tributary.embeddedpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir
    Path workingDir;

    private final byte[] archive = archive();

    @Test
    void extractsIntoTheDirectoryZonkyLooksForWithItsReadyMarker() throws Exception {
        Path dir = PostgresBinaries.prepare(workingDir, () -> new ByteArrayInputStream(archive));

        assertThat(dir).isEqualTo(workingDir.resolve("PG-" + md5(archive)));
        assertThat(dir.resolve("bin/postgres")).isExecutable();
        assertThat(Files.readSymbolicLink(dir.resolve("lib/libicuuc.so"))).isEqualTo(Path.of("libicuuc.so.72.1"));
        assertThat(dir.resolve("lib/libicuuc.so")).hasContent("library 17");
        // zonky skips its own extraction only when the marker is at least as new as everything beside it
        long marker = Files.getLastModifiedTime(dir.resolve(PostgresBinaries.READY_MARKER)).toMillis();
        try (var entries = Files.list(dir)) {
            assertThat(entries.mapToLong(p -> p.toFile().lastModified())).allMatch(t -> t <= marker);
        }
        assertThat(dir.toFile().lastModified() - 100).isLessThanOrEqualTo(marker);
        try (var entries = Files.list(workingDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                "PG-" + md5(archive), "PG-" + md5(archive) + ".lock");
        }
    }

    @Test
    void completeBinariesAreNotExtractedAgain() {
        var opens = new AtomicInteger();
        PostgresBinaries.ArchiveSource counting = () -> {
            opens.incrementAndGet();
            return new ByteArrayInputStream(archive);
        };
        PostgresBinaries.prepare(workingDir, counting);
        int firstRun = opens.get();

        PostgresBinaries.prepare(workingDir, counting);

        assertThat(firstRun).isEqualTo(2); // digest, extraction
        assertThat(opens.get() - firstRun).isEqualTo(1); // digest only
    }

    @Test
    void halfExtractedDirectoryLeftByAKilledRunIsExtractedAgainNotTrippedOver() throws Exception {
        // what zonky left after an OutOfMemoryError in a 64m JVM: some files, a dangling symlink, no marker
        Path target = workingDir.resolve("PG-" + md5(archive));
        Files.createDirectories(target.resolve("lib"));
        Files.createSymbolicLink(target.resolve("lib/libicuuc.so"), Path.of("libicuuc.so.72.1"));
        Files.createDirectories(target.resolve("bin"));

        Path dir = PostgresBinaries.prepare(workingDir, () -> new ByteArrayInputStream(archive));

        assertThat(dir.resolve("bin/postgres")).isExecutable();
        assertThat(dir.resolve("lib/libicuuc.so")).hasContent("library 17");
        assertThat(dir.resolve(PostgresBinaries.READY_MARKER)).exists();
    }

    @Test
    void extractionCutShortLeavesNothingInPlaceAndTheNextRunCompletes() throws Exception {
        var opens = new AtomicInteger();
        PostgresBinaries.ArchiveSource failingExtraction = () -> opens.incrementAndGet() == 1
            ? new ByteArrayInputStream(archive) : TestArchives.failingAfter(archive, archive.length / 2);

        assertThatThrownBy(() -> PostgresBinaries.prepare(workingDir, failingExtraction))
            .isInstanceOf(UncheckedIOException.class).hasMessageContaining(workingDir.toString());
        Path target = workingDir.resolve("PG-" + md5(archive));
        assertThat(target).doesNotExist();

        Path dir = PostgresBinaries.prepare(workingDir, () -> new ByteArrayInputStream(archive));

        assertThat(dir.resolve("bin/postgres")).isExecutable();
        try (var entries = Files.list(workingDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".partial-"));
        }
    }

    @Test
    void archiveEntryPointingOutsideTheTargetIsRefused() {
        assertThatThrownBy(() -> TxzExtractor.extract(new ByteArrayInputStream(TestArchives.escaping()),
            workingDir.resolve("x"))).isInstanceOf(IOException.class).hasMessageContaining("outside");
    }

    private static byte[] archive() {
        try {
            return TestArchives.postgresLike("17");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
