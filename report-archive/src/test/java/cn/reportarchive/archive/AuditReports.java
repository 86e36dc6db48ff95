package cn.reportarchive.archive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports of a county audit bureau written for the correction tests: a genuine one, and the same body
 * under a header that names neither unit nor year (as a scan without its first page reads).
 */
public final class AuditReports {
    private AuditReports() {
    }

    /** Points of its own wording: a copy of them is a copy, not the genre's stock phrases. */
    public static final List<String> PROBLEMS = List.of(
            "审计整改“回头看”流于形式，对2021年发现的乡镇卫生院药品采购问题只发了督办函，没有到现场核实整改台账。",
            "审计项目计划安排与县委中心工作结合不紧，对乡村振兴衔接资金的跟踪审计只做了两个乡镇。",
            "对审计组长的履职考核没有量化指标，外聘中介机构出具的报告复核走过场，三份报告存在数据前后矛盾。",
            "运用大数据审计的能力不足，社保基金审计仍靠人工翻阅凭证，比对医保结算数据时漏掉重复报销线索。");

    public static byte[] genuine() {
        return text("中共临江县审计局党组", "临江县审计局党组领导班子2023年度民主生活会对照检查材料");
    }

    /** The same body under a header that names neither unit nor year. */
    public static byte[] incomplete() {
        return text("", "领导班子民主生活会对照检查材料");
    }

    public static byte[] text(String unitLine, String title) {
        List<String> lines = new ArrayList<>();
        if (!unitLine.isEmpty()) {
            lines.add(unitLine);
        }
        lines.add(title);
        lines.add("按照要求，班子认真查摆问题。现对照检查如下：");
        lines.add("一、存在的问题");
        lines.add("（一）关于履职尽责方面");
        for (int i = 0; i < PROBLEMS.size(); i++) {
            lines.add((i + 1) + "." + PROBLEMS.get(i));
        }
        lines.add("二、下一步整改措施");
        lines.add("（一）关于履职尽责方面");
        lines.add("1.建立审计整改销号制度，逐项到现场核实。");
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

}
