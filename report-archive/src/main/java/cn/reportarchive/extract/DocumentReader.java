package cn.reportarchive.extract;

/**
 * Reads the text of a file that needs a real parser (Office, PDF, HTML…): in this process,
 * or in a child process that a runaway parser cannot take down with it.
 */
interface DocumentReader extends AutoCloseable {
    RawText read(byte[] bytes, String filename) throws ExtractionException;

    @Override
    void close();
}
