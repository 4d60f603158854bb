package io.tributary.cli.config;

import io.tributary.stack.LocalStackConfig;

import org.apache.kafka.common.config.ConfigDef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The local stack's configuration as a command sees it: shared config sources plus the command's own options. */
public final class StackConfigs {
    /** What the commands that start a stack and its stages read: every stage's keys and the stack's. */
    public static final List<ConfigDef> WITH_STAGES = withStages();

    private StackConfigs() {
    }

    private static List<ConfigDef> withStages() {
        List<ConfigDef> defs = new ArrayList<>(StageConfigs.PIPELINE);
        defs.add(LocalStackConfig.CONFIG_DEF);
        return List.copyOf(defs);
    }

    /** The stage keys of configuration loaded with {@link #WITH_STAGES}. */
    public static Map<String, String> stageKeys(Map<String, String> loaded) {
        return StageConfigs.only(loaded, StageConfigs.PIPELINE.toArray(ConfigDef[]::new));
    }

    /**
     * @param dataDirOption {@code --data-dir} when given (wins over {@code stack.data.dir}), else null
     * @param defaultDataDir the command's data directory when neither is given
     * @param clean          wipe the data directory first
     */
    public static LocalStackConfig localStack(ConfigOptions options, Path dataDirOption, Path defaultDataDir,
                                              boolean clean) {
        return localStack(options.load(System.getenv(), List.of(LocalStackConfig.CONFIG_DEF)), dataDirOption,
                defaultDataDir, clean);
    }

    /** The same from configuration already loaded (the {@code stack.*} keys of {@code loaded} are used). */
    public static LocalStackConfig localStack(Map<String, String> loaded, Path dataDirOption, Path defaultDataDir,
                                              boolean clean) {
        Map<String, String> props = new LinkedHashMap<>(StageConfigs.only(loaded, LocalStackConfig.CONFIG_DEF));
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
