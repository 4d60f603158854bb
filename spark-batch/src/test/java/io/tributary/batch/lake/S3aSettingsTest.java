package io.tributary.batch.lake;

import io.tributary.batch.BatchMain;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.s3a.S3AFileSystem;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class S3aSettingsTest {

    @Test
    void s3CompatibleServerSettingsInitialiseS3aWithTheThinSdk() throws Exception {
        var config = BatchMain.parse(List.of("--set", "s3.bucket=lake", "--set", "spark.checkpoint.location=/cp",
                "--set", "warehouse.jdbc.url=jdbc:postgresql://h/db",
                "--set", "s3.endpoint=http://127.0.0.1:9", "--set", "s3.path.style.access=true",
                "--set", "s3.region=eu-west-1", "--set", "s3.access.key=AK", "--set", "s3.secret.key=SK"), Map.of());

        var props = S3aSettings.hadoopProperties(config);
        var hadoop = new Configuration();
        props.forEach(hadoop::set);
        hadoop.setBoolean("fs.s3a.impl.disable.cache", true);

        assertThat(props).containsExactly(
                Map.entry("fs.s3a.endpoint", "http://127.0.0.1:9"),
                Map.entry("fs.s3a.connection.ssl.enabled", "false"),
                Map.entry("fs.s3a.endpoint.region", "eu-west-1"),
                Map.entry("fs.s3a.path.style.access", "true"),
                Map.entry("fs.s3a.aws.credentials.provider", S3aSettings.SIMPLE_PROVIDER),
                Map.entry("fs.s3a.access.key", "AK"),
                Map.entry("fs.s3a.secret.key", "SK"));
        // S3A builds its client here (no request is sent: bucket probe is off), so missing SDK classes show up now
        try (FileSystem fs = FileSystem.get(URI.create("s3a://lake/"), hadoop)) {
            assertThat(fs).isInstanceOf(S3AFileSystem.class);
            assertThat(fs.getUri()).isEqualTo(URI.create("s3a://lake"));
        }
    }

    @Test
    void withoutKeysS3aUsesTheDefaultCredentialChainAndAwsEndpoint() {
        var config = BatchMain.parse(List.of("--set", "s3.bucket=lake", "--set", "spark.checkpoint.location=/cp",
                "--set", "warehouse.jdbc.url=jdbc:postgresql://h/db"), Map.of());

        assertThat(S3aSettings.hadoopProperties(config)).containsExactly(
                Map.entry("fs.s3a.endpoint.region", "us-east-1"),
                Map.entry("fs.s3a.path.style.access", "false"));
    }

    @Test
    void emrfsAndLocalDiskGetNoS3aSettings() {
        for (String scheme : List.of("s3", "file")) {
            var config = BatchMain.parse(List.of("--set", "s3.scheme=" + scheme,
                    "--set", "s3.bucket=" + (scheme.equals("file") ? "/tmp/lake" : "lake"),
                    "--set", "spark.checkpoint.location=/cp", "--set", "warehouse.jdbc.url=jdbc:postgresql://h/db"),
                    Map.of());
            assertThat(S3aSettings.hadoopProperties(config)).as(scheme).isEmpty();
        }
    }
}
