package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.SharedSamples;
import cn.reportarchive.parse.ReportWarning;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A draft whose own header names another unit, or another year, than the one it is checked as is
 * still checked as chosen, and the answer says where the file disagrees (found by an acceptance test:
 * 临江县财政局's report checked as 临江县审计局's draft said nothing).
 */
@Tag("integration")
@ExtendWith(SharedSamples.Resolver.class)
class DraftDisagreementTest {
    private static List<String> warnings(SharedSamples samples, String file, String unit, Integer year) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedSamples.SAMPLES.resolve(file));
        DraftResult d = samples.app().drafts().check(new DraftCheck.Draft(file, bytes, unit, null, year),
                samples.app().compare());
        return d.draft().warnings().stream().map(ReportWarning::message).toList();
    }

    @Test
    void anotherUnitsHeaderIsNamed(SharedSamples samples) throws Exception {
        List<String> w = warnings(samples, "linjiang-czj-2024.doc", "临江县审计局", 2024);
        assertTrue(w.stream().anyMatch(m -> m.contains("临江县财政局") && m.contains("临江县审计局")), w.toString());
    }

    @Test
    void anotherYearThanTheTextSaysIsNamed(SharedSamples samples) throws Exception {
        List<String> w = warnings(samples, "linjiang-czj-2023.pdf", "临江县财政局", 2024);
        assertTrue(w.stream().anyMatch(m -> m.contains("2023 年度") && m.contains("2024 年")), w.toString());
    }

    @Test
    void theUnitsOwnDraftUnderAnotherNameOfItIsNoDisagreement(SharedSamples samples) throws Exception {
        List<String> w = warnings(samples, "linjiang-czj-2024.doc", "临江县财政局", null);
        assertEquals(List.of(), w.stream().filter(m -> m.contains("抬头") || m.contains("年度，按指定")).toList());
    }
}
