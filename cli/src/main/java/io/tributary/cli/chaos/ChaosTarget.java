package io.tributary.cli.chaos;

/**
 * What the chaos run kills with SIGKILL, and when: the processes DESIGN.md names, each at a moment that hurts.
 *
 * @param process   the supervised process (status-page name) that must show the restart
 * @param whileLoad killed only while a warehouse load is in flight (the Spark job in the middle of a batch, the
 *                  database in the middle of a load), else at a random moment
 */
enum ChaosTarget {
    STREAMS("streams", false),
    CONNECT("connect", false),
    SPARK("batch", true),
    POSTGRES("postgres", true),
    KAFKA("kafka", false),
    S3("s3", false);

    private final String process;
    private final boolean whileLoad;

    ChaosTarget(String process, boolean whileLoad) {
        this.process = process;
        this.whileLoad = whileLoad;
    }

    String process() {
        return process;
    }

    boolean whileLoad() {
        return whileLoad;
    }
}
