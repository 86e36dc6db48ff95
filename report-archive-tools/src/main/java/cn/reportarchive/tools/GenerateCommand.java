package cn.reportarchive.tools;

import cn.reportarchive.cli.Cli;
import cn.reportarchive.cli.UserError;
import cn.reportarchive.generate.ArchiveGenerator;
import cn.reportarchive.generate.FormatMix;
import cn.reportarchive.generate.GeneratorOptions;
import cn.reportarchive.generate.PdfFonts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a synthetic archive for tests and benchmarks: N reports across units, authors and years,
 * as .txt/.docx/.pdf, with ground-truth.jsonl beside them. Deterministic from the seed.
 */
@Command(name = "generate", description = "生成用于测试和性能评估的模拟材料库（含标准答案 ground-truth.jsonl）")
final class GenerateCommand implements Callable<Integer> {
    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:\\.\\.|-)(\\d{4})|(\\d{4})");

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "输出目录")
    Path out;

    @Option(names = "--reports", required = true, paramLabel = "N", description = "材料份数")
    int reports;

    @Option(names = "--seed", paramLabel = "S", description = "随机种子（默认 1）；同一种子生成相同的材料库")
    long seed = 1;

    @Option(names = "--formats", paramLabel = "MIX", description = "格式比例（默认 txt=60,docx=30,pdf=10）")
    String formats = "txt=60,docx=30,pdf=10";

    @Option(names = "--years", paramLabel = "Y1..Y2", description = "年度范围（默认 2015..2024）")
    String years = "2015..2024";

    @Option(names = "--pdf-font", paramLabel = "FILE", description = "PDF 嵌入的 TrueType 中文字体（.ttf/.ttc），或 standard")
    String pdfFont;

    @Option(names = "--copy-rate", paramLabel = "P", description = "抄袭其他单位材料的比例（默认 0.03）")
    double copyRate = 0.03;

    @Option(names = "--truth-snippets", description = "标准答案中的每个引用附上该条文字的开头")
    boolean snippets;

    @Option(names = "--verbose", description = "出错时输出详细信息（含堆栈）")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        if (reports < 1) {
            throw new UserError("--reports 必须是正整数。", Cli.USAGE);
        }
        if (copyRate < 0 || copyRate > 1) {
            throw new UserError("--copy-rate 必须在 0 到 1 之间。", Cli.USAGE);
        }
        Matcher m = YEARS.matcher(years.strip());
        if (!m.matches()) {
            throw new UserError("--years 的格式应为 2015..2024。", Cli.USAGE);
        }
        int from = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
        int to = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
        if (from > to || from < 1990 || to > 2100) {
            throw new UserError("--years 的范围不正确：" + years + "。", Cli.USAGE);
        }
        FormatMix mix;
        try {
            mix = FormatMix.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), Cli.USAGE);
        }
        GeneratorOptions options = GeneratorOptions.of(out, reports, seed).withFormats(mix).withYears(from, to)
                .withSnippets(snippets).withCopyRate(copyRate);
        if (pdfFont != null) {
            try {
                options = options.withPdfFont(PdfFonts.named(pdfFont));
            } catch (IOException e) {
                throw new UserError(e.getMessage(), Cli.USAGE);
            }
        }
        ArchiveGenerator.Summary summary = new ArchiveGenerator(options, System.err).run();
        System.out.println(summary.line() + " 输出目录：" + out + "。");
        return 0;
    }
}
