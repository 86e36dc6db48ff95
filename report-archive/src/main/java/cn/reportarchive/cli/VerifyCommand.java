package cn.reportarchive.cli;

import cn.reportarchive.archive.ArchiveVerifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", description = "检查档案库：原件是否齐全、未被改动，有无多余的原件或索引条目（不修改任何内容，可在 serve 运行时执行）")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        ArchiveVerifier.Findings findings = new ArchiveVerifier(common.existingData()).verify();
        if (output.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", findings.ok());
            out.put("reports", findings.reports());
            out.put("originals", findings.originals());
            out.put("problems", findings.problems().stream().map(p -> Map.of("kind",
                    p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), "subject", p.subject(),
                    "message", p.message())).toList());
            System.out.println(Json.pretty(out));
        } else {
            findings.problems().forEach(p -> System.out.println(p.message()));
        }
        // the chain's head, to be noted elsewhere: a log rewritten whole from its first entry has another
        cn.reportarchive.auth.AuditChain.Report audit = cn.reportarchive.auth.AuditChain.check(
                new cn.reportarchive.archive.DataDirectory(common.existingData()).catalog());
        if (audit.entries() > 0) {
            System.err.printf("审计日志：%d 条记录，末条校验值 %s%n", audit.entries(), audit.head());
        }
        System.err.printf("检查完成：%d 份材料，%d 个原件，%s%n", findings.reports(), findings.originals(),
                findings.ok() ? "未发现问题。" : "发现 " + findings.problems().size() + " 个问题。" + advice(findings.problems()));
        return findings.ok() ? Cli.OK : Cli.INPUT_FAILED;
    }

    private static String advice(List<ArchiveVerifier.Problem> problems) {
        boolean reindex = problems.stream().anyMatch(p -> p.kind().repairedByReindex());
        boolean lost = problems.stream().anyMatch(p -> !p.kind().repairedByReindex());
        return (reindex ? "索引与多余文件的问题可运行 reindex 修复（会先清理多余的原件和临时文件）。" : "")
                + (lost ? "原件缺失、被改动或目录损坏无法自动修复：请用 restore 从备份恢复，或删除这些材料后重新导入原件。" : "");
    }
}
