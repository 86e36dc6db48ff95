package cn.reportarchive.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Small reports, each of its own unit and wording: as many distinct files as a test needs, in no time. */
final class SmallReports {
    private SmallReports() {
    }

    static byte[] report(int n) {
        Random random = new Random(n);
        String problem = "问题" + n + "：" + "调查研究不深入，联系群众不紧密，学习不系统，落实不到位。".substring(0, 6 + random.nextInt(20));
        return String.join("\n", "中共临江县第" + n + "局党组", "临江县第" + n + "局党组领导班子2023年度民主生活会对照检查材料",
                "现对照检查如下：", "一、存在的问题", "（一）理论学习方面", "1." + problem, "二、下一步整改措施",
                "（一）理论学习方面", "1.坚持第一议题制度。").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes reports 0..count-1 into the folder as r00000.txt… */
    static Path folder(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        for (int n = 0; n < count; n++) {
            Files.write(dir.resolve(String.format("r%05d.txt", n)), report(n));
        }
        return dir;
    }
}
