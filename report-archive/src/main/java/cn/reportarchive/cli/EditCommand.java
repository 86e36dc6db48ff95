package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.archive.CorrectionAudit;
import cn.reportarchive.archive.Corrections;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Correction.Field;
import cn.reportarchive.parse.ItemRef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code edit ID [--year Y] [--unit U] …}: corrects a report's metadata (see archive/Corrections).
 * Values are taken as text and checked by the archive's rules, so that 二〇二一年的某天 gets the
 * same sentence here as on the web. A bad value is exit 2 and changes nothing; an unknown id exit 1.
 */
@Command(name = "edit", description = "更正一份材料的年度、单位、作者、职务、类型、标题或某部分的方面；原文识别结果另行保留")
final class EditCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "材料编号")
    String id;

    @Option(names = "--year", paramLabel = "Y", description = "年度（四位数字）")
    String year;

    @Option(names = "--unit", paramLabel = "U", description = "单位")
    String unit;

    @Option(names = "--author", paramLabel = "A", description = "作者")
    String author;

    @Option(names = "--post", paramLabel = "P", description = "职务")
    String post;

    @Option(names = "--kind", paramLabel = "team|personal", description = "类型：team（班子）或 personal（个人）")
    String kind;

    @Option(names = "--title", paramLabel = "T", description = "标题")
    String title;

    @Option(names = "--aspect", paramLabel = "REF=ASPECT",
            description = "更正某部分的方面，如 problems/3=theory（可重复）")
    List<String> aspects = new ArrayList<>();

    @Option(names = "--json", description = "输出更正后的材料（JSON）")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Corrections.Request request = request();
        for (Map.Entry<Field, String> e : request.fields().entrySet()) {
            String problem = Corrections.problem(e.getKey(), e.getValue());
            if (problem != null) {
                throw new UserError(problem, Cli.USAGE); // said before the archive is opened
            }
        }
        try (Application app = common.open()) {
            Optional<ReportArchive.Edited> edited;
            try {
                edited = app.archive().edit(id.strip(), request, DeleteCommand.cliUser());
            } catch (Corrections.Refused e) {
                throw new UserError(e.getMessage(), Cli.USAGE);
            }
            if (edited.isEmpty()) {
                throw new UserError("找不到编号为 " + id + " 的材料。", Cli.INPUT_FAILED);
            }
            ReportArchive.Edited edit = edited.get();
            app.auth().audit().append(null, UserCommand.cliAddress(), AuditAction.CORRECT, edit.after().id(),
                    CorrectionAudit.detail(edit));
            if (json) {
                System.out.println(Json.pretty(edit.after()));
            } else {
                for (Correction c : edit.made()) {
                    String before = Corrections.value(edit.before(), c.field(), c.ref());
                    System.err.printf("已更正%s%s：%s → %s%n", c.ref() == null ? "" : c.ref().label(), c.field().label(),
                            before == null ? "（无）" : before, c.value());
                }
            }
            return Cli.OK;
        }
    }

    private Corrections.Request request() {
        Map<Field, String> fields = new EnumMap<>(Field.class);
        put(fields, Field.YEAR, year);
        put(fields, Field.UNIT, unit);
        put(fields, Field.AUTHOR, author);
        put(fields, Field.POST, post);
        put(fields, Field.KIND, kind);
        put(fields, Field.TITLE, title);
        Map<ItemRef, String> byBlock = new LinkedHashMap<>();
        for (String a : aspects) {
            int eq = a.indexOf('=');
            Optional<ItemRef> ref = eq < 0 ? Optional.empty() : ItemRef.tryParse(a.substring(0, eq).strip());
            if (ref.isEmpty()) {
                throw new UserError("--aspect 应写作 部分编号=方面，如 problems/3=theory，收到的是“" + a + "”。", Cli.USAGE);
            }
            byBlock.put(ref.get(), a.substring(eq + 1));
        }
        Corrections.Request request = new Corrections.Request(fields, byBlock);
        if (request.isEmpty()) {
            throw new UserError("请至少指定一项更正：--year、--unit、--author、--post、--kind、--title 或 --aspect。", Cli.USAGE);
        }
        return request;
    }

    private static void put(Map<Field, String> fields, Field field, String value) {
        if (value != null) {
            fields.put(field, value);
        }
    }
}
