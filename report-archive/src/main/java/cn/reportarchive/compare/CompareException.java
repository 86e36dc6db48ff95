package cn.reportarchive.compare;

/** A comparison that cannot be made as asked; the message is one Chinese sentence for the user. */
public class CompareException extends Exception {
    /**
     * UNREADABLE: a file that is no report (a draft to check); UNAVAILABLE: the server cannot answer now
     * (the parser could not run, or memory is short) — not the caller's mistake (503).
     */
    public enum Reason { NOT_FOUND, AMBIGUOUS, BAD_REQUEST, UNREADABLE, UNAVAILABLE }

    private final Reason reason;

    public CompareException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
