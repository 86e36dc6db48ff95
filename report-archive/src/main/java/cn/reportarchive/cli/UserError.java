package cn.reportarchive.cli;

/** A failure to tell the user in one sentence, with the exit code it deserves. */
public final class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
