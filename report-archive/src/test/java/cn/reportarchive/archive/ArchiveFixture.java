package cn.reportarchive.archive;

import cn.reportarchive.Application;
import cn.reportarchive.extract.ExtractionLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the archive tests: a small report text and the state of a data directory. */
final class ArchiveFixture {
    private ArchiveFixture() {
    }

    static Application open(Path data) throws IOException, SQLException {
        return Application.open(data, ExtractionLimits.defaults());
    }

    static byte[] report(String unitLine, String year, String problem) {
        String text = String.join("\n",
                unitLine,
                unitLine + "领导班子" + year + "年度民主生活会对照检查材料",
                "按照要求，班子认真查摆问题。现对照检查如下：",
                "一、存在的问题",
                "（一）理论学习方面",
                "1." + problem,
                "2.学用结合不够紧密。",
                "二、下一步整改措施",
                "（一）理论学习方面",
                "1.坚持第一议题制度。");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Path sample(String name) {
        return Path.of("sample-docs", name);
    }

    /** Every file under originals/, to show that a failed import wrote nothing. */
    static List<Path> storedFiles(Path data) throws IOException {
        Path originals = data.resolve("originals");
        if (!Files.exists(originals)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(originals)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
