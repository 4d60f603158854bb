package io.tributary.cli.config;

import io.tributary.stack.LocalStackConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The local stack's configuration as a command sees it: shared config sources plus the command's own options. */
public final class StackConfigs {
    private StackConfigs() {
    }

    /**
     * @param dataDirOption {@code --data-dir} when given (wins over {@code stack.data.dir}), else null
     * @param defaultDataDir the command's data directory when neither is given
     * @param clean          wipe the data directory first
     */
    public static LocalStackConfig localStack(ConfigOptions options, Path dataDirOption, Path defaultDataDir,
                                              boolean clean) {
        Map<String, String> props = new java.util.LinkedHashMap<>(
                options.load(System.getenv(), List.of(LocalStackConfig.CONFIG_DEF)));
        if (dataDirOption != null) {
            props.put(LocalStackConfig.DATA_DIR, dataDirOption.toString());
        } else {
            props.putIfAbsent(LocalStackConfig.DATA_DIR, defaultDataDir.toString());
        }
        if (clean) {
            props.put(LocalStackConfig.CLEAN, "true");
        }
        return LocalStackConfig.of(props);
    }
}
