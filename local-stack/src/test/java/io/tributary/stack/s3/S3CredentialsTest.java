package io.tributary.stack.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void generatedOnFirstStartAndReusedAfterwardsFromAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("credentials.properties");
        S3Credentials first = S3Credentials.load(file, Map.of());
        S3Credentials second = S3Credentials.load(file, Map.of());
        assertThat(second).isEqualTo(first);
        assertThat(first.secretKey()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void environmentOverridesTheStoredKeys() {
        Path file = dir.resolve("credentials.properties");
        S3Credentials.load(file, Map.of());
        S3Credentials fromEnv = S3Credentials.load(file, Map.of(S3Credentials.ACCESS_KEY_ENV, "envaccess",
            S3Credentials.SECRET_KEY_ENV, "envsecret"));
        assertThat(fromEnv).isEqualTo(new S3Credentials("envaccess", "envsecret"));
    }

    @Test
    void toStringMasksTheSecret() {
        assertThat(new S3Credentials("access", "very-secret").toString()).doesNotContain("very-secret").contains("access");
    }
}
