package cn.reportarchive.auth;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An audit entry's particulars as one Chinese line, the same on the 审计日志 page and in the
 * CSV's 详情 column: "检索式：八项规定；年度：2022；命中：12". Keys and coded values get their Chinese
 * names; empty values are left out (no "标题：null"); an unknown key keeps its own name.
 */
public final class AuditDetails {
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("q", "检索式"), Map.entry("year", "年度"), Map.entry("unit", "单位"), Map.entry("aspect", "方面"),
            Map.entry("section", "部分"), Map.entry("sort", "排序"), Map.entry("page", "页"), Map.entry("total", "命中"),
            Map.entry("title", "标题"), Map.entry("author", "作者"), Map.entry("filename", "文件名"), Map.entry("file", "文件"),
            Map.entry("size", "字节数"), Map.entry("status", "结果"), Map.entry("error", "原因"), Map.entry("reason", "原因"),
            Map.entry("result", "结果"), Map.entry("what", "内容"), Map.entry("role", "角色"), Map.entry("units", "单位"),
            Map.entry("action", "操作"), Map.entry("from", "从"), Map.entry("to", "到"), Map.entry("target", "对象"),
            Map.entry("format", "格式"), Map.entry("rows", "行数"), Map.entry("part", "表"), Map.entry("limit", "条数上限"),
            Map.entry("report", "材料"), Map.entry("name", "名称"), Map.entry("method", "请求方法"),
            Map.entry("files", "文件数"), Map.entry("imported", "导入"), Map.entry("duplicates", "重复"),
            Map.entry("failed", "失败"), Map.entry("paths", "路径"), Map.entry("reports", "材料数"),
            Map.entry("reparsed", "重新解析"), Map.entry("problems", "问题数"), Map.entry("accounts", "账户数"),
            Map.entry("user", "账户"), Map.entry("disabled", "停用"), Map.entry("minLength", "最短长度"),
            Map.entry("minClasses", "字符种类"), Map.entry("maxAgeDays", "有效期（天）"), Map.entry("before", "修改前"),
            Map.entry("after", "修改后"), Map.entry("password", "密码"));
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("wrong-password", "用户名或密码错误"), Map.entry("rate-limited", "失败次数过多被暂停"),
            Map.entry("disabled", "账户已停用"), Map.entry("password-expired", "密码已过期"),
            Map.entry("missing", "不存在"), Map.entry("hidden", "无权查看（按不存在答复）"), Map.entry("imported", "已导入"),
            Map.entry("duplicate", "重复"), Map.entry("failed", "失败"), Map.entry("started", "开始（尚未完成）"),
            Map.entry("not-stored", "未能保存"), Map.entry("audit", "审计日志"), Map.entry("relevance", "相关度"),
            Map.entry("compare", "年度对比"), Map.entry("repeats", "重复问题"), Map.entry("common", "常见问题"),
            Map.entry("common-problems", "常见问题"), Map.entry("copies", "查重（全库雷同）"),
            Map.entry("copy-check", "单份材料查重"), Map.entry("problems", "问题"), Map.entry("measures", "措施"),
            Map.entry("chains", "问题链"), Map.entry("trend", "趋势"), Map.entry("groups", "常见问题"),
            Map.entry("pairs", "雷同材料"), Map.entry("passages", "雷同段落"), Map.entry("admin", "管理员"),
            Map.entry("inspector", "检查人员"), Map.entry("viewer", "查阅人员"), Map.entry("reset", "已重置"));

    private AuditDetails() {
    }

    public static String describe(Map<String, ?> detail) {
        StringBuilder out = new StringBuilder();
        if (detail == null) {
            return "";
        }
        for (Map.Entry<String, ?> e : detail.entrySet()) {
            String value = value(e.getValue());
            if (value.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('；');
            }
            out.append(KEYS.getOrDefault(e.getKey(), e.getKey())).append('：').append(value);
        }
        return out.toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (v instanceof Collection<?> c) {
            return String.join("、", c.stream().map(AuditDetails::value).filter(s -> !s.isEmpty()).toList());
        }
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, ?> inner = (Map<String, ?>) m;
            String d = describe(inner);
            return d.isEmpty() ? "" : "（" + d + "）";
        }
        String s = v.toString();
        return VALUES.getOrDefault(s, s);
    }

    static List<String> keys() {
        return List.copyOf(KEYS.keySet());
    }
}
