package cn.reportarchive.auth;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An account as stored, without its password hash. The id is random and never reused: a session
 * belongs to it, so an account removed and created again under the same name is another account
 * and the old sessions stay dead. The generation changes with every password, role, unit or
 * disable change, so a session opened before it no longer counts.
 */
public record Account(String id, String name, Role role, List<String> units, Instant created, long generation,
                      boolean disabled, Instant passwordSet) {
    public Account {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /** What the account may read; {@code unitOf} resolves its units as the archive shows them (see {@link Access}). */
    public Access access(UnaryOperator<String> unitOf) {
        return role.limitedToUnits() ? Access.only(units, unitOf) : Access.ALL;
    }
}
