package cn.reportarchive.auth;

import java.util.function.UnaryOperator;

/**
 * Who is asking: a signed-in account, or, while no account exists, the local user of an archive
 * that runs open on loopback (no name, every right).
 */
public record Principal(String name, Role role, Access access) {
    public static final Principal OPEN = new Principal(null, Role.ADMIN, Access.ALL);

    /** The account as a caller; {@code unitOf} resolves its units (see {@link Access#only}). */
    public static Principal of(Account account, UnaryOperator<String> unitOf) {
        return new Principal(account.name(), account.role(), account.access(unitOf));
    }

    public boolean open() {
        return name == null;
    }
}
