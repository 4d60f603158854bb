package io.tributary.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies the log4j2 configurations of the child JVMs into the data dir, where people can read and edit them. */
public final class LogConfigs {

    static final String SERVER = "log4j2-server.xml";
    static final String SPARK = "log4j2-spark.xml";

    private LogConfigs() {
    }

    /** The log configuration of server and stage JVMs (INFO to stdout, which goes to their log file). */
    public static Path server(Path confDir) {
        return write(confDir, SERVER);
    }

    /** The log configuration of Spark JVMs (Spark's chatter at WARN). */
    public static Path spark(Path confDir) {
        return write(confDir, SPARK);
    }

    /** Writes the resource unless the file exists (a user's edit is kept). */
    static Path write(Path confDir, String name) {
        Path target = confDir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream in = LogConfigs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/tributary/stack/" + name);
            }
            Files.createDirectories(confDir);
            Path tmp = Files.createTempFile(confDir, ".tmp-", ".xml");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
