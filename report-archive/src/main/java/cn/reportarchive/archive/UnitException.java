package cn.reportarchive.archive;

/** A merge or unmerge that cannot be done as asked (one Chinese sentence); nothing was changed. */
public final class UnitException extends Exception {
    public UnitException(String message) {
        super(message);
    }
}
