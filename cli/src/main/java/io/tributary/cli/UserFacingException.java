package io.tributary.cli;

/** A failure whose message tells the user what happened and what to do; printed without a stack trace. */
public class UserFacingException extends RuntimeException {
    /** Bad options, configuration, or a server that cannot be reached: what the user can fix. */
    public static final int EXIT_USAGE = 2;

    private final int exitCode;

    public UserFacingException(String message) {
        this(message, null, EXIT_USAGE);
    }

    public UserFacingException(String message, Throwable cause) {
        this(message, cause, EXIT_USAGE);
    }

    public UserFacingException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
