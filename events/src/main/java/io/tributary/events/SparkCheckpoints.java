package io.tributary.events;

/**
 * Where the micro-batch keeps its queries' checkpoints: the calls query at the configured location, the web query
 * next to it. Shared by the job (which writes them) and the monitor (which reads their file-source logs).
 */
public final class SparkCheckpoints {
    public static final String WEB_SUFFIX = "-web";

    private SparkCheckpoints() {
    }

    /** {@code s3a://b/cp/} or {@code s3a://b/cp} -> {@code s3a://b/cp-web}. */
    public static String webQuery(String callsCheckpoint) {
        String calls = callsCheckpoint.endsWith("/")
                ? callsCheckpoint.substring(0, callsCheckpoint.length() - 1) : callsCheckpoint;
        return calls + WEB_SUFFIX;
    }
}
