package io.tributary.cli;

import io.tributary.cli.config.ConfigOptions;
import io.tributary.stack.LocalStackConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigOptionsTest {

    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenSetEachWin() throws Exception {
        Path file = dir.resolve("tributary.properties");
        Files.writeString(file, "stack.kafka.port=9092\nstack.s3.port=9000\nstack.postgres.port=5432\n"
                + "warehouse.jdbc.url=jdbc:postgresql://elsewhere/db\n");
        ConfigOptions options = parse("--config", file.toString(), "--set", "stack.postgres.port=6543");

        Map<String, String> props = options.load(Map.of("TRIBUTARY_STACK_S3_PORT", "9001"),
                List.of(LocalStackConfig.CONFIG_DEF));

        assertThat(props).containsEntry("stack.kafka.port", "9092")
                .containsEntry("stack.s3.port", "9001")
                .containsEntry("stack.postgres.port", "6543")
                .as("other stages' keys in the shared file are theirs to check")
                .doesNotContainKey("warehouse.jdbc.url");
    }

    @Test
    void misspelledKeyIsRefusedNamingItAndTheKnownKeys() {
        ConfigOptions options = parse("--set", "stack.kafka.prot=9092");
        assertThatThrownBy(() -> options.load(Map.of(), List.of(LocalStackConfig.CONFIG_DEF)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stack.kafka.prot")
                .hasMessageContaining("stack.kafka.port");
    }

    @Test
    void badValueNamesTheKeyAndWhatIsAllowed() {
        ConfigOptions options = parse("--set", "stack.kafka.port=70000");
        assertThatThrownBy(() -> LocalStackConfig.of(options.load(Map.of(), List.of(LocalStackConfig.CONFIG_DEF))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stack.kafka.port")
                .hasMessageContaining("1..65535");
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        assertThat(ConfigOptions.envName("warehouse.password")).isEqualTo("TRIBUTARY_WAREHOUSE_PASSWORD");
    }

    private static ConfigOptions parse(String... args) {
        var holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options;
    }

    @CommandLine.Command
    static final class Holder {
        @CommandLine.Mixin
        ConfigOptions options;
    }
}
