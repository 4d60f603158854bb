package io.tributary.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads and writes the .properties files of the data dir; files with secrets are readable by the owner only. */
public final class PropertiesFiles {

    private PropertiesFiles() {
    }

    public static void write(Path file, Map<String, String> values, String comment) {
        writeFile(file, values, comment, false);
    }

    public static void writeSecret(Path file, Map<String, String> values, String comment) {
        writeFile(file, values, comment, true);
    }

    public static Map<String, String> read(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(name -> values.put(name, props.getProperty(name)));
        return values;
    }

    private static void writeFile(Path file, Map<String, String> values, String comment, boolean ownerOnly) {
        Properties props = new Properties();
        values.forEach(props::setProperty);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Written beside the target and moved: the permissions are right before any secret is in the file.
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".properties");
            if (ownerOnly) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer writer = Files.newBufferedWriter(tmp)) {
                props.store(writer, comment);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
