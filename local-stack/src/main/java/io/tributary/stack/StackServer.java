package io.tributary.stack;

/** The servers of the local stack, in the names used for logs, progress and errors. */
public enum StackServer {
    POSTGRES("postgres"),
    S3("s3"),
    KAFKA("kafka"),
    CONNECT("connect");

    private final String id;

    StackServer(String id) {
        this.id = id;
    }

    /** Short name: the log file is {@code <dataDir>/logs/<id>.log}. */
    public String id() {
        return id;
    }
}
