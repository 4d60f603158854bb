package io.tributary.cli.batch;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Spark job's own arguments from the shared {@code --config}/{@code --set} options. They are forwarded verbatim
 * rather than validated here: the job's ConfigDef lives in the Spark JVM (Spark cannot share the CLI's classpath),
 * and BatchMain validates every key and exits 2 naming a bad one, which this command passes on.
 */
final class SparkJobArgs {
    private SparkJobArgs() {
    }

    static List<String> forward(CommandSpec spec, Map<String, String> extra) {
        ParseResult parsed = spec.commandLine().getParseResult();
        var args = new ArrayList<String>();
        Object file = parsed.matchedOptionValue("--config", null);
        if (file != null) {
            args.add("--config");
            args.add(file.toString());
        }
        Map<String, String> sets = parsed.matchedOptionValue("--set", Map.of());
        sets.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        extra.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        return args;
    }
}
