package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.archive.CorrectionAudit;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.parse.Report;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code delete ID}: removes a report whole (original, catalog row with its corrections and text,
 * index entries; copy and repeat results no longer see it), recorded in the audit log as the web's
 * 删除 is. Unknown id: exit 1.
 */
@Command(name = "delete", description = "删除一份材料（原件、目录、索引及其更正记录）")
final class DeleteCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "材料编号")
    String id;

    /** Who made a correction from the command line, as the report's corrections name them. */
    static String cliUser() {
        return System.getProperty("user.name", "?") + "（命令行）";
    }

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            String key = id.strip();
            Optional<Report> report = app.archive().get(key);
            if (report.isEmpty() || !app.archive().delete(key)) {
                throw new UserError("找不到编号为 " + id + " 的材料。", Cli.INPUT_FAILED);
            }
            Map<String, Object> detail = CorrectionAudit.about(report.get());
            app.auth().audit().append(null, UserCommand.cliAddress(), AuditAction.DELETE, key, detail);
            System.err.println("已删除材料 " + key + (report.get().title() == null ? "" : "（" + report.get().title() + "）") + "。");
            return Cli.OK;
        }
    }
}
