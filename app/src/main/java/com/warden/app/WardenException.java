package com.warden.app;

/**
 * A failure said in one sentence a person can act on, with an optional hint.
 * The CLI prints {@link #line()}; the desktop shows it with "copy details" for the cause.
 */
public class WardenException extends RuntimeException {
    private final String hint;

    public WardenException(String message) {
        this(message, null, null);
    }

    public WardenException(String message, String hint) {
        this(message, hint, null);
    }

    public WardenException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** Empty when there is nothing more to say than the message. */
    public String hint() {
        return hint == null ? "" : hint;
    }

    /** The message and the hint on one line: what the CLI prints and the UI shows. */
    public String line() {
        return hint == null || hint.isBlank() ? getMessage() : getMessage() + " — " + hint;
    }
}
