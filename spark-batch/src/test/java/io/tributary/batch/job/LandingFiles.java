package io.tributary.batch.job;

import io.tributary.events.EventType;
import io.tributary.events.LandingLayout;
import io.tributary.events.Topics;
import io.tributary.events.VehicleEvent;
import io.tributary.events.VehicleEventJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes landing-zone files exactly as the S3 sink lays them out: gzip JSON lines under dt= directories. */
final class LandingFiles {
    private LandingFiles() {
    }

    static Path write(Path lakeRoot, LocalDate dt, long startOffset, List<String> lines) {
        return write(lakeRoot, Topics.VEHICLE_EVENTS, dt, startOffset, lines);
    }

    static Path write(Path lakeRoot, String topic, LocalDate dt, long startOffset, List<String> lines) {
        Path file = lakeRoot.resolve(LandingLayout.objectKey(LandingLayout.DEFAULT_TOPICS_DIR, topic,
                dt, 0, startOffset, LandingLayout.JSONL_GZ));
        try {
            Files.createDirectories(file.getParent());
            // write then move, as a sink does: the file source must never see half a file
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                for (String line : lines) {
                    out.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            Files.move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** What s3proxy lists while it still writes {@code file}: a sibling {@code <name>-<uuid>} with the same bytes. */
    static Path writeInFlightCopy(Path landed) {
        Path copy = landed.resolveSibling(landed.getFileName() + "-" + java.util.UUID.randomUUID());
        try {
            Files.copy(landed, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    static String request(String id, String clientIp, String path, int status, String time) {
        Instant at = Instant.parse(time);
        return new String(io.tributary.events.WebRequestJson.encode(new io.tributary.events.WebRequest(id,
                "hotels-north", at, clientIp, "Mozilla/5.0", path.endsWith("/confirm") ? "POST" : "GET", path, null,
                status, 2326L, null, 40L, at.plusSeconds(2))), java.nio.charset.StandardCharsets.UTF_8);
    }

    static String event(String id, String vehicle, String function, EventType type, String time) {
        Instant at = Instant.parse(time);
        return new String(VehicleEventJson.encode(new VehicleEvent(id, vehicle, function, type, at, null,
                "fleet-sim", at.plusSeconds(5))), java.nio.charset.StandardCharsets.UTF_8);
    }
}
