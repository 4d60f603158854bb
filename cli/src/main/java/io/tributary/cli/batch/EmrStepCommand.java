package io.tributary.cli.batch;

import io.tributary.cli.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code tributary emr-step}: prints the EMR step (JSON for {@code aws emr add-steps --steps file://…}) that runs the
 * Spark job with spark-submit on an EMR 7 cluster, and the aws command to submit it. Prints only: it never calls AWS.
 */
@Command(name = "emr-step", mixinStandardHelpOptions = true,
        description = "Print the EMR step JSON (and the aws command) that runs the micro-batch job on a cluster.")
public final class EmrStepCommand implements Callable<Integer> {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern CLUSTER = Pattern.compile("j-[A-Z0-9]{8,16}");
    static final String JAR_NAME = "tributary-spark-batch-0.1.0-SNAPSHOT-emr.jar";

    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, description = "Lake bucket (landing/, staging/, processed/).")
    String bucket;

    @Option(names = "--cluster-id", required = true, paramLabel = "j-XXXXXXXX", description = "EMR cluster id.")
    String clusterId;

    @Option(names = "--jar", paramLabel = "S3_URI", description = "The spark-submit jar (default: "
            + "s3://BUCKET/artifacts/" + JAR_NAME + ").")
    String jar;

    @Option(names = "--config", paramLabel = "S3_URI", description = "tributary.properties in S3 (default: "
            + "s3://BUCKET/conf/tributary.properties), shipped to the driver with --files.")
    String configUri;

    @Option(names = "--trigger", defaultValue = "available-now",
            description = "spark.trigger of the step (default: ${DEFAULT-VALUE}: process what landed, then end).")
    String trigger;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Backfill: first landed day (with --to).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Backfill: last landed day (with --from).")
    String to;

    @Override
    public Integer call() {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new UserFacingException("--bucket '" + bucket + "' is not an S3 bucket name");
        }
        if (!CLUSTER.matcher(clusterId).matches()) {
            throw new UserFacingException("--cluster-id '" + clusterId + "' is not an EMR cluster id (j-XXXXXXXX)");
        }
        if ((from == null) != (to == null)) {
            throw new UserFacingException("--from and --to go together");
        }
        String json = stepJson();
        var out = spec.commandLine().getOut();
        out.println(json);
        out.println();
        out.println("# submit with:");
        out.println("#   aws emr add-steps --cluster-id " + clusterId + " --steps file://tributary-step.json");
        out.flush();
        return 0;
    }

    String stepJson() {
        String jarUri = jar != null ? jar : "s3://" + bucket + "/artifacts/" + JAR_NAME;
        String conf = configUri != null ? configUri : "s3://" + bucket + "/conf/tributary.properties";
        boolean backfill = from != null;
        String checkpoint = "s3://" + bucket + "/checkpoints/" + (backfill ? "backfill-" + from + "_" + to
                : "vehicle-calls");
        List<String> args = new ArrayList<>(List.of("spark-submit", "--deploy-mode", "cluster",
                "--class", "io.tributary.batch.BatchMain", "--files", conf, jarUri,
                "--config", conf.substring(conf.lastIndexOf('/') + 1),
                "--set", "s3.scheme=s3", "--set", "s3.bucket=" + bucket,
                "--set", "spark.checkpoint.location=" + checkpoint, "--set", "spark.trigger=" + trigger));
        if (backfill) {
            args.addAll(List.of("--set", "landing.dates.from=" + from, "--set", "landing.dates.to=" + to));
        }
        var quoted = new ArrayList<String>();
        args.forEach(a -> quoted.add('"' + a.replace("\\", "\\\\").replace("\"", "\\\"") + '"'));
        return "[\n  {\n    \"Type\": \"CUSTOM_JAR\",\n    \"Name\": \"tributary-batch" + (backfill ? "-backfill-"
                + from + "_" + to : "") + "\",\n    \"ActionOnFailure\": \"CONTINUE\",\n"
                + "    \"Jar\": \"command-runner.jar\",\n    \"Args\": [\n      " + String.join(",\n      ", quoted)
                + "\n    ]\n  }\n]";
    }
}
