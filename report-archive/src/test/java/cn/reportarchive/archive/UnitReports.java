package cn.reportarchive.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports of three units written under several names, for the unit directory's tests: 临江县财政局
 * (a year typed as 中共临江县财政局党组, the next read from a header 临江县财政局党组领导班子),
 * 临江县农业局 renamed 临江县农业农村局 in a 机构改革, and 临江县审计局 (once typed with a space).
 * Each next year restates some of the year before's problems in other words, as real ones do.
 */
public final class UnitReports {
    private UnitReports() {
    }

    /** A file to import and the unit to type for it (null: read from the header). */
    public record Fixture(String file, String typedUnit, String text) {
        public Path writeTo(Path dir) {
            try {
                Files.createDirectories(dir);
                return Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String[] FINANCE_2022 = {
            "对习近平新时代中国特色社会主义思想的学习还不够系统深入，满足于读原文、记笔记，联系财政工作实际思考不多，以学促干的成效不明显。",
            "预算绩效管理推进不够有力，部分项目支出绩效目标设置粗放，评价结果运用不充分，存在重分配轻管理的倾向。",
            "深入基层调查研究不够，到乡镇和企业了解财政政策落实情况次数偏少，对基层反映的资金拨付慢问题回应不及时。",
            "落实中央八项规定精神还有薄弱环节，个别科室公务接待审批把关不严，三公经费压减措施不够具体。"};
    private static final String[] FINANCE_2023 = {
            "学习习近平新时代中国特色社会主义思想还不够系统深入，仍停留在读原文、记笔记的层面，结合财政工作实际思考不多，学用结合不紧。",
            "政府债务风险防控的前瞻性不强，对隐性债务的摸排还不够全面细致，化债措施的针对性有待提高。",
            "深入基层调查研究仍然不够，到乡镇和企业了解财政政策落实情况的次数偏少，对基层反映的资金拨付慢问题回应还不够及时。",
            "干部队伍建设统筹不够，年轻干部轮岗交流机制落实不到位，专业人才储备不足。"};
    private static final String[] FARM_2021 = {
            "学习贯彻党的创新理论不够深入，对乡村振兴战略的内涵把握不准，指导农业农村工作的思路办法不多。",
            "耕地保护责任落实不到位，对撂荒地整治督促检查不够，部分乡镇高标准农田建设进度滞后。",
            "为民服务意识不强，农技推广服务下沉不够，对农户反映的农资价格问题跟踪不及时。"};
    private static final String[] FARM_2022 = {
            "学习贯彻党的创新理论仍不够深入，对乡村振兴战略的内涵把握还不准，指导农业农村工作的思路办法还不多。",
            "粮食安全责任压得不实，对种粮补贴发放情况的监督检查不够经常。",
            "为民服务意识还不够强，农技推广服务下沉仍然不够，对农户反映的农资价格问题跟踪还不及时。"};
    private static final String[] FARM_2023 = {
            "学习贯彻党的创新理论还不够深入，对乡村振兴战略的内涵把握仍然不准，指导农业农村工作的思路和办法不多。",
            "农村人居环境整治成效不稳固，部分村庄垃圾污水治理存在反弹现象。",
            "农业农村领域作风建设抓得不够紧，个别项目验收把关不严。"};
    private static final String[] AUDIT_2022 = {
            "审计监督的全覆盖推进不够均衡，对乡镇和部门预算执行的审计深度不够，发现问题的穿透力不强。",
            "审计整改跟踪问效机制不健全，对整改不到位的问题督促不够，存在重审计轻整改的现象。"};
    private static final String[] AUDIT_2023 = {
            "审计监督全覆盖的推进还不够均衡，对乡镇和部门预算执行审计的深度不够，发现问题的穿透力仍不强。",
            "审计信息化建设滞后，大数据审计的运用能力不足。"};

    /** The scenario: 财政局 typed in 2022, read from a header in 2023. */
    public static List<Fixture> finance() {
        return List.of(
                new Fixture("czj-2022.txt", "中共临江县财政局党组",
                        report(null, "领导班子2022年度民主生活会对照检查材料", "财政", FINANCE_2022)),
                new Fixture("czj-2023.txt", null,
                        report("临江县财政局党组领导班子", "2023年度主题教育专题民主生活会对照检查材料", "财政", FINANCE_2023)));
    }

    /** 临江县农业局 in 2021 and 2022, 临江县农业农村局 from 2023, each read from its header. */
    public static List<Fixture> farming() {
        return List.of(
                new Fixture("nyj-2021.txt", null, report("中共临江县农业局党组", "领导班子2021年度民主生活会对照检查材料", "农业", FARM_2021)),
                new Fixture("nyj-2022.txt", null, report("临江县农业局党组领导班子", "2022年度民主生活会对照检查材料", "农业", FARM_2022)),
                new Fixture("nyncj-2023.txt", null,
                        report("中共临江县农业农村局党组", "领导班子2023年度民主生活会对照检查材料", "农业农村", FARM_2023)));
    }

    /** A report of 2020 typed under the old name, imported after the merge. */
    public static Fixture farmingLate() {
        return new Fixture("nyj-2020.txt", "临江县农业局", report(null, "领导班子2020年度民主生活会对照检查材料", "农业", FARM_2022));
    }

    /** Finding 17: 临江县审计局 typed once with a space inside, and read from a header the next year. */
    public static List<Fixture> audit() {
        return List.of(
                new Fixture("sjj-2022.txt", "临江县 审计局", report(null, "领导班子2022年度民主生活会对照检查材料", "审计", AUDIT_2022)),
                new Fixture("sjj-2023.txt", null, report("中共临江县审计局党组", "领导班子2023年度民主生活会对照检查材料", "审计", AUDIT_2023)));
    }

    private static String report(String unitLine, String title, String field, String[] problems) {
        List<String> lines = new ArrayList<>();
        if (unitLine != null) {
            lines.add(unitLine);
        }
        lines.add(title);
        lines.add("按照县委关于召开民主生活会的通知要求，班子成员认真学习、广泛征求意见、深入谈心谈话，对照检查了" + field
                + "工作中存在的问题。现将对照检查情况报告如下：");
        lines.add("一、存在的问题");
        lines.add("（一）理论学习和工作作风方面");
        for (int i = 0; i < problems.length; i++) {
            lines.add((i + 1) + "." + problems[i]);
        }
        lines.add("二、问题产生的原因");
        lines.add("（一）理想信念方面");
        lines.add("1.理论武装没有做到常学常新，对" + field + "工作的政治属性认识不深。");
        lines.add("三、下一步整改措施");
        lines.add("（一）加强理论武装");
        lines.add("1.落实第一议题制度，每月至少开展一次中心组专题学习，结合" + field + "工作实际撰写调研报告。");
        lines.add("2.健全调查研究长效机制，班子成员每季度到基层调研不少于两次，建立问题清单限期解决。");
        lines.add("我们将以这次民主生活会为契机，切实抓好整改落实。");
        return String.join("\n", lines) + "\n";
    }
}
