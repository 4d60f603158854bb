package io.tributary.stack;

import io.tributary.stack.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One stack per data dir: an OS file lock held while the stack runs (released by the OS even on kill -9).
 * Also the only code that wipes a data dir, and only one the stack created (it holds {@value #MARKER}).
 */
final class DataDirLock {

    static final String LOCK_FILE = ".lock";
    static final String MARKER = ".tributary-stack";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(StackDirs dirs, boolean clean) {
        Path root = dirs.root();
        try {
            Files.createDirectories(root);
            if (!Files.exists(root.resolve(MARKER)) && !isEmpty(root)) {
                throw new StackStartException("refusing to use " + root + " as the stack's data dir: it is not empty and"
                    + " was not created by the local stack (no " + MARKER + " file); choose another "
                    + LocalStackConfig.DATA_DIR);
            }
            Files.writeString(root.resolve(MARKER), "data dir of the Tributary local stack\n");
            FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StackStartException("data dir " + root + " is in use by another running local stack");
            }
            if (clean) {
                wipe(dirs);
            }
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare data dir " + root, e);
        }
    }

    private static void wipe(StackDirs dirs) throws IOException {
        // A postmaster left by a killed stack still holds files under postgres/.
        PostgresServer.stopOrphanedPostmaster(dirs.postgres());
        Set<Path> keep = Set.of(dirs.root().resolve(LOCK_FILE), dirs.root().resolve(MARKER));
        try (Stream<Path> tree = Files.walk(dirs.root())) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dirs.root()) && !keep.contains(path)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the data dir lock", e);
        }
    }
}
