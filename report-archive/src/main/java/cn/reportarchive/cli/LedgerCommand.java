package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.Ledger;
import cn.reportarchive.export.ExportRows;
import cn.reportarchive.export.LedgerDocx;
import cn.reportarchive.export.PrintHeading;
import cn.reportarchive.export.Spreadsheets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ledger", description = "写出一个年度的整改台账：每条整改措施、它针对的问题，以及下一年材料已归档时的完成情况")
final class LedgerCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("xlsx", "csv", "docx");

    @Mixin
    CommonOptions common;

    @Mixin
    Whose whose;

    @Option(names = "--year", required = true, description = "台账的年度（其材料的整改措施）")
    int year;

    @Option(names = "--format", description = "xlsx、csv 或 docx（默认按 --out 的扩展名，否则 xlsx）")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "写出的文件")
    Path out;

    @Override
    public Integer call() throws Exception {
        String chosen = format(format, out);
        try (Application app = common.open()) {
            Ledger l;
            try {
                l = app.compare().ledger(whose.unit, whose.author, year);
            } catch (CompareException e) {
                throw new UserError(e.getMessage(), e.reason() == CompareException.Reason.NOT_FOUND ? Cli.INPUT_FAILED : Cli.USAGE);
            }
            PrintHeading heading = new PrintHeading(PrintHeading.subject(l.unit(), l.author()), l.year() + "年",
                    System.getProperty("user.name"), ZonedDateTime.now());
            var table = new ExportRows(app.taxonomy()).ledger(l);
            byte[] bytes = switch (chosen) {
                case "csv" -> Spreadsheets.csv(table);
                case "docx" -> LedgerDocx.write(l, heading);
                default -> Spreadsheets.xlsx(List.of(table), heading);
            };
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("what", "ledger");
            detail.put("unit", l.unit());
            if (l.author() != null) {
                detail.put("author", l.author());
            }
            detail.put("year", l.year());
            detail.put("format", chosen);
            detail.put("rows", l.rows().size());
            detail.put("file", out.toAbsolutePath().toString());
            try {
                Files.write(out, bytes);
            } catch (IOException e) {
                throw new UserError("无法写入 " + out + "（" + e.getMessage() + "）。", Cli.INPUT_FAILED);
            }
            try {
                app.auth().audit().recordCommandLine(AuditAction.EXPORT, l.reportId(), detail);
            } catch (java.sql.SQLException e) {
                Files.deleteIfExists(out); // an export that cannot be recorded does not leave
                throw e;
            }
            System.out.println("已写出" + LedgerDocx.title(l) + "：" + out + "（" + l.rows().size() + " 条措施；"
                    + (l.next() == null ? (l.year() + 1) + " 年材料尚未归档，完成情况待下年材料" : "完成情况取自 " + l.next().year() + " 年材料")
                    + "）");
            return Cli.OK;
        }
    }

    /** --format, else the extension of --out, else (no extension) xlsx; anything else is a usage error. */
    static String format(String given, Path out) {
        if (given != null && !given.isBlank()) {
            String f = given.strip().toLowerCase(Locale.ROOT);
            if (!FORMATS.contains(f)) {
                throw new UserError("--format 只能是 xlsx、csv 或 docx。", Cli.USAGE);
            }
            return f;
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (ext.isEmpty()) {
            return "xlsx";
        }
        if (!FORMATS.contains(ext)) { // an .xlsx under a .pdf name would not open
            throw new UserError("文件名的扩展名 ." + ext + " 不是台账的格式：请写成 .xlsx、.csv 或 .docx，或用 --format 指定。", Cli.USAGE);
        }
        return ext;
    }
}
