package io.tributary.producers.ship;

import io.tributary.events.Sites;
import io.tributary.events.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One file to ship: a vehicle CSV ({@code raw_logs/YYYYMMDD/*.csv}, key = the line's vehicle_id) or an access log
 * (any other file, key = its site).
 *
 * @param identity what the event ids derive from with the line number: {@code YYYYMMDD/name.csv} inside a dated folder
 *                 (so moving {@code raw_logs} elsewhere keeps the ids), else the file's real absolute path
 * @param site     the site of an access log, null for a vehicle CSV
 */
public record ShipFile(Path path, String identity, String site, long size) {
    private static final Pattern DATED = Pattern.compile("\\d{8}");

    public boolean vehicle() {
        return site == null;
    }

    public String topic() {
        return vehicle() ? Topics.VEHICLE_LOGS_RAW : Topics.WEB_LOGS_RAW;
    }

    /** Header {@code source} of every line: {@code ship:<identity>}. */
    public String source() {
        return "ship:" + identity;
    }

    /**
     * The files under the given paths (directories are walked), sorted by path so a run is repeatable.
     *
     * @param site the site of access logs whose path names none of {@link Sites#ALL}; null = the file name's first
     *             dot-separated part
     * @throws IllegalArgumentException naming a path that does not exist
     */
    public static List<ShipFile> expand(List<Path> paths, String site) {
        var files = new ArrayList<ShipFile>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or directory: " + path);
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.naturalOrder()).forEach(p -> files.add(of(p, site)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        }
        return files;
    }

    static ShipFile of(Path file, String siteOption) {
        try {
            Path real = file.toRealPath();
            String name = real.getFileName().toString();
            Path parent = real.getParent();
            String identity = parent != null && DATED.matcher(parent.getFileName().toString()).matches()
                    ? parent.getFileName() + "/" + name : real.toString();
            String site = null;
            if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                site = siteOption != null ? siteOption : Sites.ALL.stream().filter(real.toString()::contains)
                        .findFirst().orElse(name.split("\\.", 2)[0]);
            }
            return new ShipFile(real, identity, site, Files.size(real));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
