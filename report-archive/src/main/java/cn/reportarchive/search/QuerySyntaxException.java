package cn.reportarchive.search;

/** A query that cannot be understood; the message is one Chinese sentence for the user. */
public class QuerySyntaxException extends Exception {
    public QuerySyntaxException(String message) {
        super(message);
    }
}
