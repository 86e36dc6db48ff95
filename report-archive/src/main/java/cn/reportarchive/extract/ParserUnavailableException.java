package cn.reportarchive.extract;

/** The parser itself could not run (its process would not start): the file is not at fault. */
public class ParserUnavailableException extends ExtractionException {
    public ParserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
