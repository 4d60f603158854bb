package io.tributary.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRootTest {

    @TempDir
    Path dir;

    @Test
    void configuredRootWinsOverEverythingElse() {
        assertThat(ProjectRoot.find(dir.toString(), Path.of("/"))).contains(dir.toAbsolutePath().normalize());
    }

    @Test
    void walksUpFromTheWorkingDirectoryToTheDirWithMvnwAndTheSinkModule() throws Exception {
        String property = System.clearProperty(ProjectRoot.SYSTEM_PROPERTY);
        try {
            Files.writeString(dir.resolve("mvnw"), "#!/bin/sh\n");
            Files.createDirectories(dir.resolve("connect-s3-sink"));
            Path deep = Files.createDirectories(dir.resolve("cli/target/classes"));
            assertThat(ProjectRoot.find("", deep)).contains(dir.toAbsolutePath().normalize());
        } finally {
            if (property != null) {
                System.setProperty(ProjectRoot.SYSTEM_PROPERTY, property);
            }
        }
    }
}
