package io.tributary.batch.job;

import io.tributary.events.EventType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Opens the package-private landing-file builder to tests in other packages. */
public final class LandingFilesAccess {
    private LandingFilesAccess() {
    }

    public static void write(Path lakeRoot, List<String> lines) {
        LandingFiles.write(lakeRoot, LocalDate.parse("2020-01-02"), 0, lines);
    }

    public static String event(String id, String vehicle, String function, EventType type, String time) {
        return LandingFiles.event(id, vehicle, function, type, time);
    }
}
