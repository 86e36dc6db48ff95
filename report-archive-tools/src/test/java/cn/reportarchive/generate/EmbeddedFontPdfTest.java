package cn.reportarchive.generate;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.reportarchive.parse.Report;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the system has an embeddable (TrueType-outline) Chinese font, PDFs embed a subset of it,
 * as Word does, and read back to the planted text. Skipped where only CFF fonts (Noto CJK) or none
 * are installed: the standard-font PDFs are covered by GeneratedArchiveParseTest.
 */
@Tag("integration")
class EmbeddedFontPdfTest {
    @TempDir
    Path tmp;

    @Test
    void embeddedFontPdfsReadBack() throws Exception {
        PdfFonts.Choice font = PdfFonts.find();
        assumeFalse(font.standard(), "no embeddable TrueType CJK font on this system");
        GeneratedArchive a = GeneratedArchive.generate(tmp, GeneratorOptions.of(tmp, 12, 5).withPdfFont(font)
                .withFormats(FormatMix.parse("pdf=1")).withYears(2022, 2024));
        Map<String, Report> parsed = a.parseAll();
        int checked = 0;
        for (GenReport plan : a.plans.values()) {
            Report p = parsed.get(plan.file());
            assertEquals(plan.year(), p.year(), plan.file());
            for (GenSection s : plan.sections()) {
                for (GenBlock b : s.blocks()) {
                    if (b.ranIn() && b.headEnd().isEmpty()) {
                        continue;
                    }
                    for (GenItem i : b.items()) {
                        if (i.ref().split("/").length == 3 && !plan.unusualPledge()) {
                            String got = GeneratedArchive.passage(p, i.ref());
                            if (i.text().equals(got)) {
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 100, "items read back: " + checked);
    }
}
