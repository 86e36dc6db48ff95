package cn.reportarchive.archive;

/** The archive cannot take the file now (too much is being taken in at once); trying later will do. */
public class ArchiveBusyException extends Exception {
    public ArchiveBusyException(String message) {
        super(message);
    }
}
