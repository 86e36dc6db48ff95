package cn.reportarchive.web;

/** A request the server refuses: its HTTP status and one Chinese sentence for the caller. */
final class ApiError extends RuntimeException {
    private final int status;

    ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
