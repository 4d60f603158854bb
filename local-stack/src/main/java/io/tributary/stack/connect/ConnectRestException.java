package io.tributary.stack.connect;

/** A Connect REST call failed, or a connector did not reach the wanted state. */
public final class ConnectRestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConnectRestException(String message) {
        super(message);
    }

    public ConnectRestException(String message, Throwable cause) {
        super(message, cause);
    }
}
