package cn.reportarchive.extract.ocr;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.bench.ScanMaker;
import cn.reportarchive.extract.ExtractionException;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounds on a long scan, with a stand-in for tesseract (a shell script that answers in TSV, or
 * hangs): the page cap, the time limit per page and the stop after time-outs in a row, the gate
 * asked before every page, and the sentences that name the pages left out. No real OCR is spent.
 */
@Tag("integration")
class PageBoundsTest {
    @TempDir
    static Path dir;
    private static List<BufferedImage> pages;

    @BeforeAll
    static void pages() throws Exception {
        BufferedImage page = ScanMaker.render(OcrPartsTest.format("report.pdf"), 100, 1).get(0);
        pages = Collections.nCopies(5, page);
    }

    /** A tesseract that logs each page it is given and then either answers one line or sleeps. */
    private static Tesseract fake(String name, boolean hangs) throws Exception {
        Path script = dir.resolve(name);
        // 40 lines of 11 characters: enough for the ink of a page of text
        String answer = "{ printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n';"
                + " for i in $(seq 1 40); do printf '5\\t1\\t1\\t1\\t%d\\t1\\t0\\t0\\t9\\t9\\t95\\t一、存在的问题和不足之处\\n' $i; done; } > \"$2.tsv\"";
        Files.writeString(script, String.join("\n", "#!/bin/sh",
                "if [ \"$1\" = --list-langs ]; then echo 'List of available languages (1):'; echo chi_sim; exit 0; fi",
                "echo page >> " + dir.resolve(name + ".log"),
                hangs ? "exec sleep 30" : answer, ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new Tesseract(script.toString());
    }

    private static int runs(String name) throws Exception {
        Path log = dir.resolve(name + ".log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    @Test
    void pagesPastTheCapAreNamedAndTheGateSeesEveryPageRead() throws Exception {
        List<String> gate = new ArrayList<>();
        ScanReader reader = new ScanReader(fake("capped", false), new OcrSettings(100, Duration.ofSeconds(20), 3),
                (page, n) -> gate.add(page + "/" + n));
        OcrResult result = reader.readImage(ScanMaker.images(pages, "tiff"));
        assertEquals(3, result.pagesRead());
        assertEquals(3, runs("capped"));
        assertEquals(List.of("1/3", "2/3", "3/3"), gate);
        assertEquals(List.of("扫描件超过 3 页的识别上限，第 4–5 页未识别，其内容未收入。"), result.problems());
        assertEquals(3 * 40, result.text().lines().filter(l -> l.contains("存在的问题")).count());
    }

    @Test
    void aHangingTesseractIsStoppedPerPageAndGivenUpAfterThreeInARow() throws Exception {
        ScanReader reader = new ScanReader(fake("hangs", true), new OcrSettings(100, Duration.ofSeconds(1), 300),
                PageGate.OPEN);
        long started = System.nanoTime();
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> reader.readImage(ScanMaker.images(pages, "tiff")));
        assertEquals("扫描件文字识别超时（每页超过 1 秒），未导入。", e.getMessage());
        assertEquals(ScanReader.TIMEOUTS_IN_A_ROW, runs("hangs"));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(15).toNanos(), "killed per page, not waited for");
    }

    @Test
    void aGateThatSaysStopEndsTheFile() throws Exception {
        ScanReader reader = new ScanReader(fake("stopped", false), OcrSettings.defaults(), (page, n) -> {
            if (page == 2) {
                throw new InterruptedException("closing");
            }
        });
        assertThrows(InterruptedException.class, () -> reader.readImage(ScanMaker.images(pages, "tiff")));
        assertEquals(1, runs("stopped"));
    }
}
