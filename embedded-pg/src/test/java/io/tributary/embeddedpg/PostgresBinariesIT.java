package io.tributary.embeddedpg;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real archive: prepared here, zonky starts PostgreSQL from it without extracting anything itself. */
class PostgresBinariesIT {

    @TempDir
    Path workingDir;

    @Test
    void zonkyStartsPostgresFromBinariesPreparedAfterAHalfExtractedRun() throws Exception {
        // the state a first run left when zonky ran out of heap mid-extraction
        Path target = PostgresBinaries.prepare(workingDir, PostgresBinaries::openArchive);
        Files.delete(target.resolve(PostgresBinaries.READY_MARKER));
        Files.delete(target.resolve("bin/postgres"));

        Path prepared = PostgresBinaries.prepare(workingDir, PostgresBinaries::openArchive);

        assertThat(prepared).isEqualTo(target);
        long markerBefore = Files.getLastModifiedTime(target.resolve(PostgresBinaries.READY_MARKER)).toMillis();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(workingDir.toFile())
                .start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rs = connection.createStatement().executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
        }
        // zonky found them ready: it neither extracted (which would rewrite the marker) nor left its unpack lock
        assertThat(Files.getLastModifiedTime(target.resolve(PostgresBinaries.READY_MARKER)).toMillis())
            .isEqualTo(markerBefore);
        assertThat(target.resolve("epg-lock")).doesNotExist();
    }
}
