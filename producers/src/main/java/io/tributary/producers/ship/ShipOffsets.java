package io.tributary.producers.ship;

import io.tributary.events.EventIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How many lines of each file are shipped and acknowledged: one small file per input file under a directory,
 * {@code <md5 of identity>.offset} holding {@code <lines>\t<identity>}, replaced atomically.
 */
public final class ShipOffsets {
    private final Path dir;

    public ShipOffsets(Path dir) {
        this.dir = dir;
    }

    public long shippedLines(ShipFile file) {
        Path path = path(file);
        if (!Files.exists(path)) {
            return 0;
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8).strip();
            return Long.parseLong(text.substring(0, text.indexOf('\t')));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ship offsets " + path, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("corrupt ship offsets file " + path + " (delete it to ship "
                    + file.path() + " from the start): " + e.getMessage(), e);
        }
    }

    /** Records that the first {@code lines} lines are acknowledged; call only after a flush. */
    public void markShipped(ShipFile file, long lines) {
        try {
            Files.createDirectories(dir);
            Path path = path(file);
            Path temp = Files.createTempFile(dir, "offset", ".tmp");
            Files.writeString(temp, lines + "\t" + file.identity() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ship offsets under " + dir, e);
        }
    }

    /** Forgets what earlier runs shipped of the file: the next run ships it from its first line. */
    public void forget(ShipFile file) {
        try {
            Files.deleteIfExists(path(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete ship offsets under " + dir, e);
        }
    }

    private Path path(ShipFile file) {
        return dir.resolve(EventIds.of(file.identity()) + ".offset");
    }
}
