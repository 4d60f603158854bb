package io.tributary.cli.firstrun;

import io.tributary.embeddedpg.PostgresBinaries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a first run on a fresh machine does in the CLI's own JVM: extract the PostgreSQL binaries. On a machine that
 * had them already nothing ran this, and the CLI's classpath (commons-lang3 3.12 through Connect) failed here with
 * NoClassDefFoundError: org/apache/commons/lang3/SystemProperties.
 */
class FirstRunTest {

    @TempDir
    Path workingDir;

    @AfterEach
    void restoreWorkingDir() {
        System.clearProperty(PostgresBinaries.WORKING_DIR_PROPERTY);
    }

    @Test
    void postgresBinariesExtractOnTheCliClasspathIntoAnEmptyWorkingDir() {
        System.setProperty(PostgresBinaries.WORKING_DIR_PROPERTY, workingDir.toString());

        Path binaries = PostgresBinaries.prepare();

        assertThat(binaries.getParent()).isEqualTo(workingDir);
        assertThat(binaries.resolve("bin/postgres")).isExecutable();
        assertThat(binaries.resolve("bin/initdb")).isExecutable();
    }
}
