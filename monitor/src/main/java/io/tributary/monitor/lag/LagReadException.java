package io.tributary.monitor.lag;

/** Offsets could not be read; the message is one line naming what failed and what to check. */
public class LagReadException extends RuntimeException {
    public LagReadException(String message) {
        super(message);
    }

    public LagReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
