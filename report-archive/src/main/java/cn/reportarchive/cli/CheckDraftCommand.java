package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.Comparison;
import cn.reportarchive.compare.DraftCheck;
import cn.reportarchive.compare.DraftResult;
import cn.reportarchive.export.Percent;
import cn.reportarchive.parse.ItemRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check-draft", description = "核对尚未提交的草稿：与本单位（或本人）上一年度的存档材料对比，草稿不存入档案库")
final class CheckDraftCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    JsonOutput output;

    @Mixin
    Whose whose;

    @Parameters(index = "0", paramLabel = "FILE", description = "草稿文件（.docx、.doc、.pdf、.txt 等）")
    Path file;

    @Option(names = "--year", description = "草稿的年度；不指定时按草稿中写明的年度，再不然按已存档的最近年度的下一年")
    Integer year;

    @Override
    public Integer call() throws Exception {
        common.existingData(); // a check stores nothing: it never creates an archive either
        if (!Files.isRegularFile(file)) {
            throw new UserError("找不到草稿文件：" + file, Cli.INPUT_FAILED);
        }
        try (Application app = common.open()) {
            if (Files.size(file) > app.archive().maxBytes()) {
                throw new UserError(app.archive().tooLargeMessage(), Cli.INPUT_FAILED);
            }
            byte[] bytes = Files.readAllBytes(file);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("file", String.valueOf(file.getFileName()));
            detail.put("size", bytes.length);
            detail.put("unit", whose.unit);
            detail.put("author", whose.author);
            DraftResult result;
            try {
                result = app.drafts().check(new DraftCheck.Draft(String.valueOf(file.getFileName()), bytes, whose.unit, whose.author, year),
                        app.compare());
            } catch (CompareException e) {
                detail.put("error", e.getMessage());
                app.auth().audit().recordCommandLine(AuditAction.DRAFT_CHECK, null, detail);
                throw new UserError(e.getMessage(), e.reason() == CompareException.Reason.BAD_REQUEST
                        || e.reason() == CompareException.Reason.AMBIGUOUS ? Cli.USAGE : Cli.INPUT_FAILED);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
            detail.put("year", result.draft().year());
            detail.put("report", result.comparison().from().reportId());
            app.auth().audit().recordCommandLine(AuditAction.DRAFT_CHECK, null, detail);
            if (output.json) {
                System.out.println(Json.pretty(result));
            } else {
                print(result);
            }
            return Cli.OK;
        }
    }

    private static void print(DraftResult r) {
        Comparison c = r.comparison();
        System.out.printf("草稿《%s》（%d 年，%s）%n%s%n", ListCommand.orDash(r.draft().title()), r.draft().year(),
                r.draft().yearNote(), r.draft().comparedWith());
        System.out.printf("%n草稿中重复上年的问题（%d 条，相似度 ≥ %s）%n", c.repeats().size(), new Percent(c.threshold()));
        for (Comparison.Repeat p : c.repeats()) {
            System.out.printf("  %4s  草稿%s  ←  %d年%s%n      %s%n", new Percent(p.similarity()), label(p.to().ref()), c.from().year(),
                    label(p.from().ref()), String.join(" … ", p.shared()));
        }
        System.out.printf("%n%d 年整改措施在草稿中的下文（%d 条）%n", c.from().year(), c.measures().size());
        for (Comparison.MeasureFollowUp m : c.measures()) {
            System.out.printf("  [%s] %s %s%n", m.status().label(), label(m.measure().ref()), m.measure().text());
            m.evidence().forEach(e -> System.out.printf("        ↳ 草稿%s %s%n", label(e.ref()), e.text()));
        }
        System.out.printf("%n%s%s%n", r.notAccounted().message(), r.notAccounted().measures().isEmpty() ? "" : "：");
        r.notAccounted().measures().forEach(m -> System.out.printf("  %s %s%n", label(m.measure().ref()), m.measure().text()));
    }

    private static String label(String ref) {
        return ItemRef.tryParse(ref).map(ItemRef::label).orElse(ref);
    }
}
