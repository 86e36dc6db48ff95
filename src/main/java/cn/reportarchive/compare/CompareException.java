package cn.reportarchive.compare;

/** A comparison that cannot be made as asked; the message is one Chinese sentence for the user. */
public class CompareException extends Exception {
    /** UNAVAILABLE: the server cannot answer now (short of memory); not the caller's mistake (503). */
    public enum Reason { NOT_FOUND, AMBIGUOUS, BAD_REQUEST, UNAVAILABLE }

    private final Reason reason;

    public CompareException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
