package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.extract.DocumentFormats;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.ImportOutcome;
import cn.reportarchive.archive.ImportSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import cn.reportarchive.auth.AuditAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = "导入文件或文件夹（递归）")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "文件或文件夹")
    List<Path> paths;

    @Option(names = "--unit", description = "单位（优先于文件中识别出的单位）")
    String unit;

    @Option(names = "--year", description = "年度（优先于文件中识别出的年度）")
    Integer year;

    @Option(names = "--author", description = "作者姓名（优先于文件中识别出的作者）")
    String author;

    @Option(names = "--batch", description = "每批提交的文件数（默认 " + BulkImport.DEFAULT_BATCH + "）")
    int batch = BulkImport.DEFAULT_BATCH;

    @Option(names = "--threads", description = "解析文件的线程数（默认为处理器核数）")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "每个文件输出一行 JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ImportMetadata given = new ImportMetadata(unit, year, author);
        if (given.problem() != null) {
            throw new UserError(given.problem(), Cli.USAGE);
        }
        List<BulkImport.PlannedFile> files = BulkImport.plan(paths);
        PrintStream out = System.out;
        Progress progress = new Progress(System.err, files.size(), Terminal.isInteractive());
        List<String> incomplete = new java.util.ArrayList<>();
        try (Application app = common.open();
                AutoCloseable pages = app.extractor().onPage((file, page, n) -> progress.page(Terminal.printable(file), page, n))) {
            ImportSummary summary = new BulkImport(app.archive(), threads, batch).run(files, given, outcome -> {
                progress.step(Terminal.printable(outcome.file()));
                String missing = missing(outcome);
                if (missing != null) {
                    incomplete.add("  待补充：" + Terminal.printable(outcome.file()) + "（" + outcome.id() + "）没有识别出"
                            + missing + "，在补充前不参与全库查重和常见问题；补充：edit " + outcome.id()
                            + (outcome.report().unit() == null ? " --unit 单位" : "")
                            + (outcome.report().year() == null ? " --year 年度" : ""));
                }
                if (json) {
                    out.println(Cli.unchecked(() -> Json.line(outcome)));
                }
            });
            progress.done();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("files", summary.total());
            detail.put("imported", summary.imported());
            detail.put("duplicates", summary.duplicates());
            detail.put("failed", summary.failures().size());
            detail.put("paths", paths.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("；")));
            app.auth().audit().recordCommandLine(AuditAction.IMPORT, null, detail);
            printSummary(summary, files.isEmpty());
            incomplete.stream().limit(MAX_INCOMPLETE_SHOWN).forEach(System.err::println);
            if (incomplete.size() > MAX_INCOMPLETE_SHOWN) {
                System.err.printf("  另有 %d 份材料缺少单位或年度（list --json 中的 no-unit / no-year 提示）。%n",
                        incomplete.size() - MAX_INCOMPLETE_SHOWN);
            }
            return summary.failures().isEmpty() ? 0 : 1;
        }
    }

    /** Lines about reports imported without unit or year shown after the summary; the rest are counted. */
    private static final int MAX_INCOMPLETE_SHOWN = 20;

    /** What an imported report lacks of unit and year ("单位和年度"), or null. */
    private static String missing(ImportOutcome outcome) {
        if (outcome.status() != ImportOutcome.Status.IMPORTED || outcome.report() == null) {
            return null;
        }
        boolean unit = outcome.report().unit() == null;
        boolean year = outcome.report().year() == null;
        return unit && year ? "单位和年度" : unit ? "单位" : year ? "年度" : null;
    }

    private void printSummary(ImportSummary summary, boolean nothingFound) {
        PrintStream err = System.err;
        if (nothingFound) {
            err.println("没有找到可导入的文件（支持 " + DocumentFormats.listed() + "）。");
            return;
        }
        err.printf("导入完成：共 %d 个文件，新导入 %d，重复 %d，失败 %d。%n",
                summary.total(), summary.imported(), summary.duplicates(), summary.failures().size());
        for (ImportOutcome failure : summary.failures()) {
            err.println("  失败：" + Terminal.printable(failure.file()) + " —— " + failure.error());
        }
    }
}
