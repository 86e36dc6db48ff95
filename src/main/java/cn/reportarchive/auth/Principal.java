package cn.reportarchive.auth;

/**
 * Who is asking: a signed-in account, or, while no account exists, the local user of an archive
 * that runs open on loopback (no name, every right).
 */
public record Principal(String name, Role role, Access access) {
    public static final Principal OPEN = new Principal(null, Role.ADMIN, Access.ALL);

    public static Principal of(Account account) {
        return new Principal(account.name(), account.role(), account.access());
    }

    public boolean open() {
        return name == null;
    }
}
