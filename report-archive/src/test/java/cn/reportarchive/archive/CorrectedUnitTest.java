package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.reportarchive.Application;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.parse.Correction.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where corrections meet the unit directory: a unit corrected to another way of writing a known unit
 * (中共…党组 for …) joins that unit at once, and stays in it after a reindex re-parses the report.
 */
@Tag("integration")
class CorrectedUnitTest {
    private static final String FARM = """
            中共西河县农业局党组
            西河县农业局党组领导班子2018年度民主生活会对照检查材料

            按照县委办公室关于召开2018年度民主生活会的通知要求，局党组认真开展学习研讨，现对照检查如下。

            一、存在的问题
            （一）在理论学习方面
            1.中心组学习形式单一，交流研讨不充分。
            二、整改措施
            （一）在理论学习方面
            1.每季度开展一次专题研讨，围绕粮食生产和耕地保护谈体会。
            """;

    private static final String WRONG_UNIT = """
            东岭县水利局党组领导班子2019年度民主生活会对照检查材料

            按照县委关于召开2019年度民主生活会的部署，班子成员深入谈心谈话，现对照检查如下。

            一、存在的问题
            （一）在担当作为方面
            1.高标准农田建设推进迟缓，部分项目未按期完工。
            二、整改措施
            （一）在担当作为方面
            1.建立项目推进台账，每月调度一次。
            """;

    @Test
    void aCorrectedUnitResolvesThroughTheDirectoryAndKeepsItThroughReindex(@TempDir Path dir) throws Exception {
        try (Application app = Application.open(dir, ExtractionLimits.defaults())) {
            ReportArchive archive = app.archive();
            archive.importFile("farm.txt", FARM.getBytes(StandardCharsets.UTF_8), ImportMetadata.NONE);
            String id = archive.importFile("wrong.txt", WRONG_UNIT.getBytes(StandardCharsets.UTF_8), ImportMetadata.NONE).id();
            assertEquals("东岭县水利局", archive.get(id).orElseThrow().unit());

            archive.edit(id, new Corrections.Request(Map.of(Field.UNIT, "中共西河县农业局党组"), Map.of()), "tester");
            assertEquals("西河县农业局", archive.get(id).orElseThrow().unit(), "shown under its unit's name");
            assertEquals(Map.of("西河县农业局", 2), reportsByUnit(archive), "counted in that unit, not the old one");

            archive.reindex();
            assertEquals("西河县农业局", archive.get(id).orElseThrow().unit(), "a re-parse keeps it in the unit");
            assertEquals(Map.of("西河县农业局", 2), reportsByUnit(archive));
        }
    }

    private static Map<String, Integer> reportsByUnit(ReportArchive archive) throws Exception {
        return archive.units().stream().collect(Collectors.toMap(UnitEntry::unit, UnitEntry::reports));
    }
}
