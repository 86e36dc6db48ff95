package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.TemplateLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "template", description = "范文库：查重时把已知的公开范文当作来源", subcommands = {
        TemplateCommand.Add.class, TemplateCommand.ListTemplates.class, TemplateCommand.Remove.class})
final class TemplateCommand implements Runnable {
    @Override
    public void run() {
        throw new UserError("请指定 template add、template list 或 template remove。", Cli.USAGE);
    }

    @Command(name = "add", description = "加入一份范文")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "FILE", description = "范文文件（.docx .doc .wps .pdf .txt）")
        Path file;

        @Option(names = "--name", description = "范文名称（默认为文件名）")
        String name;

        @Override
        public Integer call() throws Exception {
            byte[] bytes = Files.readAllBytes(file);
            try (Application app = common.open()) {
                TemplateLibrary.Template t = app.copies().addTemplate(name, file.getFileName().toString(), bytes);
                app.auth().audit().recordCommandLine(cn.reportarchive.auth.AuditAction.TEMPLATE_ADD, t.id(),
                        java.util.Map.of("name", t.name(), "file", file.getFileName().toString()));
                System.out.println(t.id() + " " + t.name());
                return Cli.OK;
            } catch (CompareException e) {
                throw new UserError(e.getMessage(), Cli.INPUT_FAILED);
            }
        }
    }

    @Command(name = "list", description = "列出范文")
    static final class ListTemplates implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            try (Application app = common.open()) {
                for (TemplateLibrary.Template t : app.copies().templates()) {
                    System.out.printf("%s %s（%d 字，%s 加入）%n", t.id(), t.name(), t.chars(), t.addedAt());
                }
                return Cli.OK;
            }
        }
    }

    @Command(name = "remove", description = "删除一份范文")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws Exception {
            try (Application app = common.open()) {
                // recorded before the change: an entry that cannot be written stops it
                app.auth().audit().recordCommandLine(cn.reportarchive.auth.AuditAction.TEMPLATE_REMOVE, id, java.util.Map.of());
                if (!app.copies().removeTemplate(id)) {
                    app.auth().audit().recordCommandLine(cn.reportarchive.auth.AuditAction.TEMPLATE_REMOVE, id,
                            java.util.Map.of("result", "missing"));
                    throw new UserError("找不到编号为 " + id + " 的范文。", Cli.INPUT_FAILED);
                }
                return Cli.OK;
            }
        }
    }
}
