package io.tributary.warehouse.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numbered SQL file, {@code migrations/<dialect>/V001__init.sql}. Placeholders {@code ${schema}} and
 * {@code ${meta_schema}} are replaced by the configured schemas; the checksum covers the file as written.
 */
public record Migration(int version, String description, String resource, String script, String checksum) {
    static final String ROOT = "io/tributary/warehouse/migrations/";
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

    /**
     * The dialect's migrations in order, as listed in its {@code index.txt} (a jar cannot be listed portably, so the
     * index names the files; a unit test keeps it in step with the directory).
     */
    public static List<Migration> forDialect(String dialect) {
        String dir = ROOT + dialect + "/";
        List<Migration> migrations = new ArrayList<>();
        for (String line : read(dir + "index.txt").split("\n")) {
            String fileName = line.strip();
            if (fileName.isEmpty() || fileName.startsWith("#")) {
                continue;
            }
            Matcher m = FILE_NAME.matcher(fileName);
            if (!m.matches()) {
                throw new IllegalStateException(dir + "index.txt lists '" + fileName + "': expected V001__name.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (!migrations.isEmpty() && version <= migrations.get(migrations.size() - 1).version()) {
                throw new IllegalStateException(dir + "index.txt: versions must increase, " + fileName + " does not");
            }
            String script = read(dir + fileName);
            migrations.add(new Migration(version, m.group(2), dir + fileName, script, sha256(script)));
        }
        return List.copyOf(migrations);
    }

    /** The statements of this script for the given schemas, in order. */
    public List<String> statements(TableNames names) {
        String rendered = script.replace("${schema}", names.schema()).replace("${meta_schema}", names.metaSchema());
        return SqlScript.split(rendered);
    }

    private static String read(String resource) {
        try (InputStream in = Migration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
