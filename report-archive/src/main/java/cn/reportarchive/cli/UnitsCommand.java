package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.archive.UnitChange;
import cn.reportarchive.archive.UnitEntry;
import cn.reportarchive.archive.UnitException;
import cn.reportarchive.auth.AuditAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The unit directory: {@code units [--json]} lists each unit with its names and years;
 * {@code units merge NAME... --into UNIT} makes the names' units one; {@code units unmerge NAME}
 * undoes the merge of that name's unit. A merge or an unmerge is written to the audit log by the
 * system user, with the names before and after; a refused one changes nothing (exit 2).
 */
@Command(name = "units", description = "列出单位及其各种名称；merge 合并单位名称，unmerge 撤销合并",
        subcommands = {UnitsCommand.Merge.class, UnitsCommand.Unmerge.class})
final class UnitsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "输出 JSON 数组")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            List<UnitEntry> units = app.archive().units();
            if (json) {
                System.out.println(Json.pretty(units));
                return Cli.OK;
            }
            for (UnitEntry u : units) {
                System.out.println(describe(u));
            }
            System.err.println("共 " + units.size() + " 个单位。");
            return Cli.OK;
        }
    }

    /** 临江县财政局  3 份  2022—2024  名称：中共临江县财政局党组（2022）、临江县财政局党组领导班子（2023、2024） */
    static String describe(UnitEntry u) {
        String years = u.years().isEmpty() ? "年度不详"
                : u.years().get(0) + (u.years().size() > 1 ? "—" + u.years().get(u.years().size() - 1) : "");
        String names = u.names().stream()
                .map(n -> n.name() + "（" + (n.years().isEmpty() ? n.reports() + " 份" : n.years().stream()
                        .map(String::valueOf).collect(Collectors.joining("、"))) + "）")
                .collect(Collectors.joining("、"));
        return u.unit() + "  " + u.reports() + " 份  " + years + "  名称：" + names;
    }

    @Command(name = "merge", description = "把几个名称所指的单位合并为一个（单位更名、写法不同）：此后所有命令、页面和筛选都按一个单位处理")
    static final class Merge implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "要合并的单位名称")
        List<String> names = new ArrayList<>();

        @Option(names = "--into", required = true, paramLabel = "UNIT", description = "合并到的单位")
        String into;

        @Option(names = "--json", description = "输出合并后的单位（JSON）")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Application app = common.open()) {
                UnitChange change;
                try {
                    change = app.archive().mergeUnits(names, into, UserCommand.cliAddress());
                } catch (UnitException e) {
                    throw new UserError(e.getMessage(), Cli.USAGE);
                }
                app.auth().audit().append(null, UserCommand.cliAddress(), AuditAction.UNIT_MERGE, change.unit(),
                        change.auditDetail(names, into));
                return show(app.archive().unit(change.unit()), json, "已合并为“" + change.unit() + "”");
            }
        }
    }

    @Command(name = "unmerge", description = "撤销某个名称所属单位的合并，使其恢复为单独的单位")
    static final class Unmerge implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "NAME", description = "当初被合并进来的单位名称")
        String name;

        @Option(names = "--json", description = "输出恢复后的单位（JSON）")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Application app = common.open()) {
                UnitChange change;
                try {
                    change = app.archive().unmergeUnit(name);
                } catch (UnitException e) {
                    throw new UserError(e.getMessage(), Cli.USAGE);
                }
                app.auth().audit().append(null, UserCommand.cliAddress(), AuditAction.UNIT_UNMERGE, change.unit(),
                        change.auditDetail(List.of(name), null));
                return show(app.archive().unit(change.unit()), json, "已撤销合并，“" + change.unit() + "”恢复为单独的单位");
            }
        }
    }

    private static int show(UnitEntry unit, boolean json, String done) throws Exception {
        if (json) {
            System.out.println(Json.pretty(unit));
        } else {
            System.out.println(describe(unit));
            System.err.println(done + "。");
        }
        return Cli.OK;
    }
}
