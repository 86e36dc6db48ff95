package cn.reportarchive.cli;

/** A failure to tell the user in one sentence, with the exit code it deserves. */
final class UserError extends RuntimeException {
    private final int exitCode;

    UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
