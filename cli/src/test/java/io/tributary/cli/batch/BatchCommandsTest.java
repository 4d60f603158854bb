package io.tributary.cli.batch;

import io.tributary.cli.TributaryCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCommandsTest {

    @Test
    void emrStepRunsTheSparkSubmitJarToCompletionAgainstTheBucket() {
        var out = new StringWriter();
        CommandLine cli = TributaryCommand.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("emr-step", "--bucket", "acme-lake", "--cluster-id", "j-2AXXXXXXGAPLF")).isZero();

        assertThat(out.toString()).contains("\"Jar\": \"command-runner.jar\"",
                "\"spark-submit\",\n      \"--deploy-mode\",\n      \"cluster\"",
                "\"--class\",\n      \"io.tributary.batch.BatchMain\"",
                "\"--files\",\n      \"s3://acme-lake/conf/tributary.properties\"",
                "\"s3://acme-lake/artifacts/tributary-spark-batch-0.1.0-SNAPSHOT-emr.jar\"",
                "\"--config\",\n      \"tributary.properties\"",
                "\"s3.scheme=s3\"", "\"s3.bucket=acme-lake\"",
                "\"spark.checkpoint.location=s3://acme-lake/checkpoints/vehicle-calls\"",
                "\"spark.trigger=available-now\"",
                "aws emr add-steps --cluster-id j-2AXXXXXXGAPLF --steps file://tributary-step.json");
    }

    @Test
    void emrStepForABackfillHasItsOwnCheckpointAndDateRange() {
        var out = new StringWriter();
        CommandLine cli = TributaryCommand.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("emr-step", "--bucket", "acme-lake", "--cluster-id", "j-2AXXXXXXGAPLF",
                "--from", "2020-01-01", "--to", "2020-01-03")).isZero();

        assertThat(out.toString()).contains("tributary-batch-backfill-2020-01-01_2020-01-03",
                "checkpoints/backfill-2020-01-01_2020-01-03", "\"landing.dates.from=2020-01-01\"",
                "\"landing.dates.to=2020-01-03\"");
    }

    @Test
    void badInputExitsWithCode2AndOneClearLine() {
        for (String[] args : new String[][] {
                {"emr-step", "--bucket", "Bad_Bucket", "--cluster-id", "j-2AXXXXXXGAPLF"},
                {"emr-step", "--bucket", "acme-lake", "--cluster-id", "cluster-1"},
                {"backfill", "--from", "2020-01-05", "--to", "2020-01-01"},
                {"backfill", "--from", "yesterday", "--to", "2020-01-01"}}) {
            var err = new StringWriter();
            CommandLine cli = TributaryCommand.commandLine();
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args))
                    .containsAnyOf("--bucket", "--cluster-id", "--to 2020-01-01 is before", "'yesterday'");
        }
    }
}
