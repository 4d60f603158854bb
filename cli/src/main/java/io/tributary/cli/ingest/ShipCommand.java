package io.tributary.cli.ingest;

import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.stack.StackLocation;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.ship.FileShipper;
import io.tributary.producers.ship.ShipFile;
import io.tributary.producers.ship.ShipOffsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tributary ship PATH…}: backfill log files, resumable, never creating duplicate events. */
@Command(name = "ship", mixinStandardHelpOptions = true,
        description = {"Publish log files: seed-style vehicle folders (raw_logs/YYYYMMDD/*.csv → vehicle.logs.raw) and "
                + "access logs (any other file → web.logs.raw, site from the path or --site).",
                "Resumes where the last run stopped (offsets per file under --data-dir). Shipping a file again "
                        + "creates no new events: each line's id comes from its file and line number."})
public final class ShipCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    StackLocation stack;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders (walked recursively).")
    List<Path> paths;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--site", description = "Site of access logs whose path names none of the known sites.")
    String site;

    @Option(names = "--data-dir", description = "Where the per-file offsets are kept (default: ${DEFAULT-VALUE}).",
            defaultValue = ".tributary/ship")
    Path dataDir;

    @Option(names = "--from-start", description = "Ignore the offsets of earlier runs and ship every line again "
            + "(the stream processors drop them as duplicates).")
    boolean fromStart;

    @Override
    public Integer call() {
        List<ShipFile> files;
        try {
            files = ShipFile.expand(paths, site);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UserFacingException("no files found under " + paths);
        }
        PrintWriter out = spec.commandLine().getOut();
        long bytes = files.stream().mapToLong(ShipFile::size).sum();
        out.printf(Locale.ROOT, "Shipping %d file(s), %,d bytes ...%n", files.size(), bytes);
        out.flush();
        var offsets = new ShipOffsets(dataDir.resolve("offsets"));
        if (fromStart) {
            files.forEach(offsets::forget);
        }
        var bar = new ProgressBar(out);
        FileShipper.Report report;
        try (var publisher = new LogPublisher(PublisherSettings.resolve(config, stack, bootstrap, Map.of()))) {
            report = new FileShipper(publisher, offsets).ship(files, p -> bar.update(
                    p.bytesDone() / (double) Math.max(1, p.bytesTotal()),
                    String.format(Locale.ROOT, "%d/%d files, %,d lines  %s", p.filesDone(), p.filesTotal(), p.lines(),
                            p.file().path().getFileName()), false));
        } catch (IllegalStateException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        bar.update(1, String.format(Locale.ROOT, "%d files", report.files()), true);
        out.printf(Locale.ROOT, "Published %,d lines; skipped %,d already shipped by an earlier run.%n",
                report.published(), report.skipped());
        return 0;
    }
}
