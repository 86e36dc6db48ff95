package cn.reportarchive.cli;

import cn.reportarchive.archive.ArchiveBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", description = "把整个档案库（原件、目录数据库及其中所有表、自定义词表）备份为一个文件；serve 运行时也可执行")
final class BackupCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FILE", description = "备份文件（zip 格式，内含各文件 SHA-256 清单）")
    Path file;

    @Option(names = "--force", description = "FILE 已存在时覆盖")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Path data = common.existingData();
        if (Files.exists(file) && !force) {
            throw new UserError("备份文件 " + file + " 已存在；要覆盖请加 --force。", Cli.USAGE);
        }
        if (file.toAbsolutePath().normalize().startsWith(data.toAbsolutePath().normalize())) {
            throw new UserError("备份文件不能放在档案库目录 " + data + " 之内。", Cli.USAGE);
        }
        ArchiveBackup.Result result = ArchiveBackup.backup(data, file);
        try (cn.reportarchive.auth.AuthStore store = common.openAuth()) {
            store.audit().recordCommandLine(cn.reportarchive.auth.AuditAction.BACKUP, null, java.util.Map.of(
                    "file", file.toAbsolutePath().toString(), "reports", result.reports(), "problems", result.problems().size()));
        }
        result.problems().forEach(p -> System.err.println("  注意：" + p));
        System.err.printf("备份完成：%d 份材料，%d 个原件，写入 %s（%.1f MB）%s%n", result.reports(), result.originals(),
                file, result.bytes() / 1048576.0, result.problems().isEmpty() ? "。" : "，但档案库本身有上述问题。");
        return result.problems().isEmpty() ? Cli.OK : Cli.INPUT_FAILED;
    }
}
