package io.tributary.stack;

/** A server of the stack did not become ready; the message names it and ends with the tail of its log. */
public final class StackStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
