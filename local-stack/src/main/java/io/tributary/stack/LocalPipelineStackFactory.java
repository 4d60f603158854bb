package io.tributary.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code tributary.stack=local}: the {@link LocalStack}. System properties starting with {@code stack.} override its
 * configuration (e.g. {@code -Dstack.kafka.port=9092}).
 */
public final class LocalPipelineStackFactory implements PipelineStackFactory {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public PipelineStack start(Path dataDir) {
        Map<String, Object> props = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
            .filter(name -> name.startsWith("stack."))
            .forEach(name -> props.put(name, System.getProperty(name)));
        props.put(LocalStackConfig.DATA_DIR, dataDir.toString());
        return LocalStack.start(LocalStackConfig.of(props));
    }
}
