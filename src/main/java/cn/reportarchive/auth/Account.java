package cn.reportarchive.auth;

import java.time.Instant;
import java.util.List;

/**
 * An account as stored, without its password hash. The generation changes with every password or
 * role change, so a session opened before it no longer counts.
 */
public record Account(String name, Role role, List<String> units, Instant created, long generation) {
    public Account {
        units = units == null ? List.of() : List.copyOf(units);
    }

    public Access access() {
        return role.limitedToUnits() ? Access.only(units) : Access.ALL;
    }
}
