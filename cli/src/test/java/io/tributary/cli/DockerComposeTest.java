package io.tributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StackConfigs;
import io.tributary.stack.ProjectRoot;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so its structure is checked: the services the design
 * lists, images pinned to a version, the ports, the plugin mount, tributary run --external configured only with keys
 * the CLI declares, and no secret written into the file.
 */
class DockerComposeTest {
    private static final Path ROOT = ProjectRoot.find("", Path.of("")).orElseThrow();
    private final JsonNode compose = read();

    @Test
    void runsKafkaConnectMinioPostgresAndTributaryExternal() {
        assertThat(names(compose.path("services"))).containsExactlyInAnyOrder("kafka", "connect", "minio",
                "minio-bucket", "postgres", "tributary");
        assertThat(text(service("tributary").path("command"))).containsExactly("./tributary", "run", "--external",
                "--data-dir", "/var/lib/tributary", "--status-host", "0.0.0.0");
        assertThat(text(service("kafka").path("environment").path("KAFKA_PROCESS_ROLES"))).contains("broker,controller");
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        compose.path("services").fields().forEachRemaining(service -> {
            String image = service.getValue().path("image").asText();
            assertThat(image).as(service.getKey()).matches("[a-z0-9./-]+:[A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*")
                    .doesNotEndWith(":latest");
        });
    }

    @Test
    void publishesTheUsualPorts() {
        assertThat(text(service("kafka").path("ports"))).contains("29092:29092");
        assertThat(text(service("connect").path("ports"))).contains("8083:8083");
        assertThat(text(service("minio").path("ports"))).contains("9000:9000");
        assertThat(text(service("postgres").path("ports"))).contains("5432:5432");
        assertThat(text(service("tributary").path("ports"))).contains("8089:8089");
    }

    @Test
    void connectMountsOurPluginAndAWorkerConfigThatExists() throws Exception {
        List<String> volumes = text(service("connect").path("volumes"));
        assertThat(volumes).contains("./connect-s3-sink/target/plugin:/opt/tributary/plugins/tributary-connect-s3-sink:ro");
        assertThat(volumes).contains("./docker/connect-worker.properties:/opt/tributary/connect-worker.properties:ro");
        assertThat(Files.readString(ROOT.resolve("docker/connect-worker.properties")))
                .contains("plugin.path=/opt/tributary/plugins").contains("consumer.isolation.level=read_committed");
    }

    @Test
    void tributaryIsConfiguredOnlyWithKeysTheCliDeclares() {
        Set<String> declared = new TreeSet<>();
        for (ConfigDef def : StackConfigs.WITH_STAGES) {
            def.names().forEach(key -> declared.add(ConfigOptions.envName(key)));
        }
        assertThat(names(service("tributary").path("environment"))).isNotEmpty().allSatisfy(variable ->
                assertThat(declared).as("TRIBUTARY_ variable of a declared key").contains(variable));
    }

    @Test
    void secretsComeFromTheEnvironmentNeverFromTheFile() {
        for (String secret : List.of("TRIBUTARY_S3_SECRET_KEY", "TRIBUTARY_WAREHOUSE_PASSWORD")) {
            assertThat(service("tributary").path("environment").path(secret).asText()).startsWith("${");
        }
        assertThat(service("postgres").path("environment").path("POSTGRES_PASSWORD").asText()).startsWith("${");
        assertThat(service("minio").path("environment").path("MINIO_ROOT_PASSWORD").asText()).startsWith("${");
    }

    private JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read docker-compose.yml at " + ROOT, e);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> text(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
