package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ArchiveBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = "由备份文件恢复档案库到一个空目录（--data），逐个按 SHA-256 校验，并重建检索索引")
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FILE", description = "backup 命令写出的备份文件")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new UserError("找不到备份文件：" + file, Cli.USAGE);
        }
        ArchiveBackup.Result result;
        try {
            result = ArchiveBackup.restore(file, common.data);
        } catch (ArchiveBackup.BackupException e) {
            throw new UserError(e.getMessage(), e.usage() ? Cli.USAGE : Cli.INPUT_FAILED);
        }
        // opening the archive indexes every catalogued report: the index is rebuilt from the catalog
        try (Application app = common.open()) {
            app.auth().audit().recordCommandLine(cn.reportarchive.auth.AuditAction.RESTORE, null, java.util.Map.of(
                    "file", file.toAbsolutePath().toString(), "reports", result.reports(), "problems", result.problems().size()));
            System.err.printf("恢复完成：%d 份材料，%d 个原件均已按 SHA-256 校验，检索索引已重建（%s）。%n", result.reports(),
                    result.originals(), common.data);
        }
        result.problems().forEach(p -> System.err.println("  注意：" + p));
        return result.problems().isEmpty() ? Cli.OK : Cli.INPUT_FAILED;
    }
}
