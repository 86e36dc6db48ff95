package cn.reportarchive.auth;

import cn.reportarchive.parse.Keyed;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. An admin manages users, deletes reports and reads the audit log besides
 * everything an inspector does; an inspector reads, searches and imports everything; a viewer reads
 * the reports of its own units only and changes nothing.
 */
public enum Role implements Keyed {
    ADMIN("admin", "管理员"),
    INSPECTOR("inspector", "检查人员"),
    VIEWER("viewer", "查阅人员");

    private final String key;
    private final String label;

    Role(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean mayImport() {
        return this != VIEWER;
    }

    public boolean mayDelete() {
        return this == ADMIN;
    }

    public boolean mayReadAudit() {
        return this == ADMIN;
    }

    public boolean mayManageUsers() {
        return this == ADMIN;
    }

    /** Sees only the reports of the units given to the account. */
    public boolean limitedToUnits() {
        return this == VIEWER;
    }

    /** As typed: spaces around it and capitals are forgiven. */
    public static Optional<Role> fromKey(String key) {
        return Keyed.find(values(), key == null ? null : key.strip().toLowerCase(Locale.ROOT));
    }

    /** The sentence for a role that does not exist, naming those that do. */
    public static String unknown(String typed) {
        return "角色“" + typed + "”不存在，只能是 " + Keyed.choices(values()) + "。";
    }
}
