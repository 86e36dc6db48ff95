package cn.reportarchive.extract;

/** A file whose text cannot be had; the message is one Chinese sentence meant for the user. */
public class ExtractionException extends Exception {
    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
