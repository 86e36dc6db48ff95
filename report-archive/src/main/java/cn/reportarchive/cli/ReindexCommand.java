package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ReportArchive;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reindex", description = "由原件重建检索索引")
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            ReportArchive.ReindexResult result = app.archive().reindex();
            app.auth().audit().recordCommandLine(cn.reportarchive.auth.AuditAction.REINDEX, null, java.util.Map.of(
                    "reports", result.reports(), "reparsed", result.reparsed()));
            System.err.printf("索引已重建：%d 份材料，其中 %d 份重新解析（%d 份由原件重新提取文字）。%n",
                    result.reports(), result.reparsed(), result.extracted());
            result.problems().forEach(p -> System.err.println("  注意：" + p));
            return result.problems().isEmpty() ? 0 : 1;
        }
    }
}
