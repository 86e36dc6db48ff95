package cn.reportarchive.auth;

/** An account operation refused, with one Chinese sentence saying why. */
public final class AccountException extends RuntimeException {
    private final boolean badInput;

    AccountException(String message, boolean badInput) {
        super(message);
        this.badInput = badInput;
    }

    /** True for a malformed name, role, unit list or password; false for a name taken or unknown. */
    public boolean badInput() {
        return badInput;
    }
}
