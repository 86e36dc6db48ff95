package cn.reportarchive.auth;

import cn.reportarchive.parse.Keyed;
import java.util.Optional;

/** What an audit entry records; the key is what the table stores and the API filters on. */
public enum AuditAction implements Keyed {
    LOGIN("login", "登录"),
    LOGIN_FAILED("login-failed", "登录失败"),
    LOGOUT("logout", "退出"),
    SEARCH("search", "检索"),
    VIEW("view", "查看材料"),
    DOWNLOAD("download", "下载原件"),
    COMPARE("compare", "对比"),
    DRAFT_CHECK("draft-check", "核对草稿"), // issue 15: nothing of the draft is kept, this entry alone
    IMPORT("import", "导入"),
    EXPORT("export", "导出"),
    DELETE("delete", "删除材料"),
    USER_ADD("user-add", "新增账户"),
    USER_PASSWORD("user-passwd", "修改密码"),
    USER_REMOVE("user-remove", "删除账户"),

    // units (issue 13): a merge of unit names and its undoing, with the names before and after
    UNIT_MERGE("unit-merge", "合并单位"),
    UNIT_UNMERGE("unit-unmerge", "撤销合并单位"),
    // security review (issue 14) and accounts in the browser (issue 13, item 7) — the security part
    AUDIT_READ("audit-read", "查看审计日志"),
    AUDIT_TRIGGERS_RESTORED("audit-triggers-restored", "审计日志保护触发器被恢复"),
    REFUSED("refused", "越权操作被拒绝"),
    LIST("list", "浏览材料列表"),
    PREVIEW("preview", "导入前预览"),
    TEMPLATE_ADD("template-add", "新增范文"),
    TEMPLATE_REMOVE("template-remove", "删除范文"),
    BACKUP("backup", "备份"),
    RESTORE("restore", "恢复备份"),
    REINDEX("reindex", "重建索引"),
    USER_LIST("user-list", "查看账户列表"),
    USER_CHANGE("user-change", "修改账户角色或单位"),
    USER_DISABLE("user-disable", "停用账户"),
    USER_ENABLE("user-enable", "启用账户"),
    USER_UNLOCK("user-unlock", "解除登录锁定"),
    PASSWORD_POLICY("password-policy", "修改密码规则"),
    // corrections (issue 13, corrections helper): a person's correction of a report, with the values before and after
    CORRECT("correct", "更正材料");

    private final String key;
    private final String label;

    AuditAction(String key, String label) {
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

    public static Optional<AuditAction> fromKey(String key) {
        return Keyed.find(values(), key);
    }
}
