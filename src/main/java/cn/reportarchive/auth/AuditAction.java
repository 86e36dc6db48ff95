package cn.reportarchive.auth;

import java.util.Optional;

/** What an audit entry records; the key is what the table stores and the API filters on. */
public enum AuditAction {
    LOGIN("login", "登录"),
    LOGIN_FAILED("login-failed", "登录失败"),
    LOGOUT("logout", "退出"),
    SEARCH("search", "检索"),
    VIEW("view", "查看材料"),
    DOWNLOAD("download", "下载原件"),
    COMPARE("compare", "对比"),
    IMPORT("import", "导入"),
    EXPORT("export", "导出"),
    DELETE("delete", "删除材料"),
    USER_ADD("user-add", "新增账户"),
    USER_PASSWORD("user-passwd", "修改密码"),
    USER_REMOVE("user-remove", "删除账户"),
    // units (issue 13): a merge of unit names and its undoing, with the names before and after
    UNIT_MERGE("unit-merge", "合并单位"),
    UNIT_UNMERGE("unit-unmerge", "撤销合并单位"),
    // corrections (issue 13, corrections helper): a person's correction of a report, with the values before and after
    CORRECT("correct", "更正材料");

    private final String key;
    private final String label;

    AuditAction(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<AuditAction> fromKey(String key) {
        for (AuditAction a : values()) {
            if (a.key.equals(key)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
