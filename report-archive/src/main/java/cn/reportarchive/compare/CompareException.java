package cn.reportarchive.compare;

/** A comparison that cannot be made as asked; the message is one Chinese sentence for the user. */
public class CompareException extends Exception {
    public enum Reason { NOT_FOUND, AMBIGUOUS, BAD_REQUEST }

    private final Reason reason;

    public CompareException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
