package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.extract.ocr.OcrSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Documents are parsed in child processes: the same text as in this process, and a parser that runs
 * too long or fills its heap takes only its own process with it, never the archive's.
 */
@Tag("integration")
class WorkerIsolationTest {
    private static TikaExtractor isolated(Duration timeout, int heapMb) {
        return TikaExtractor.isolated(new ExtractionLimits(ExtractionLimits.DEFAULT_MAX_BYTES, timeout, 5_000_000),
                new TextNormalizer(), new WorkerSettings(1, heapMb, 1000));
    }

    private static WorkerReader workers(TikaExtractor extractor) {
        return (WorkerReader) extractor.reader();
    }

    @Test
    void aWorkerGivesTheSameTextAsThisProcess() throws Exception {
        try (TikaExtractor here = Fixtures.defaultExtractor();
             TikaExtractor there = isolated(Duration.ofSeconds(60), 256)) {
            for (String file : List.of("report.docx", "report.doc", "report.wps", "report.pdf")) {
                assertEquals(here.extract(Fixtures.format(file), file), there.extract(Fixtures.format(file), file), file);
            }
        }
    }

    @Test
    void plainTextNeverStartsAProcess() throws Exception {
        try (TikaExtractor extractor = isolated(Duration.ofSeconds(60), 256)) {
            extractor.extract(Fixtures.format("report.txt"), "report.txt");
            extractor.extract(Fixtures.format("report.gbk.txt"), "report.gbk.txt");
            assertTrue(workers(extractor).processes().isEmpty());
        }
    }

    @Test
    void aParseOverTheTimeLimitKillsItsProcessAndTheNextFileGetsAFreshOne() throws Exception {
        // A parse that never ends (HangingWorker never answers "hang…"), so only the time limit can end it,
        // on a quiet machine or a loaded one; a real runaway parser (the 2,000,000-level nesting this test
        // used) finishes in a time that depends on the machine, and so did the test. The other files are
        // answered at once: 5 s is room for a round trip to a started process on any machine.
        WorkerReader workers = new WorkerReader(new ExtractionLimits(ExtractionLimits.DEFAULT_MAX_BYTES,
                Duration.ofSeconds(5), 5_000_000), new WorkerSettings(1, 64, 1000), OcrSettings.defaults(),
                HangingWorker.class.getName());
        try {
            assertEquals("read first.html", workers.read(new byte[] {1}, "first.html").text());
            ProcessHandle first = only(workers.processes());
            // the bound only keeps a broken kill from hanging the build: the answer comes from the limit
            ExtractionException e = assertTimeoutPreemptively(Duration.ofMinutes(2),
                    () -> assertThrows(ExtractionException.class, () -> workers.read(new byte[] {1}, "hang.html")));
            assertTrue(e.getMessage().contains("超时（超过 5 秒）"), e.getMessage());
            assertTrue(first.onExit().get(30, TimeUnit.SECONDS) != null && !first.isAlive(), "the runaway parser still runs");
            assertTrue(workers.processes().isEmpty());
            assertEquals("read next.pdf", workers.read(new byte[] {1}, "next.pdf").text());
            assertNotEquals(first.pid(), only(workers.processes()).pid());
        } finally {
            workers.close();
        }
    }

    @Test
    void aFileThatFillsTheHeapTakesOnlyItsProcess() throws Exception {
        byte[] heavy = docxWithRandomText(40);
        long ownHeapBefore = usedHeap();
        try (TikaExtractor extractor = isolated(Duration.ofSeconds(120), 64)) {
            ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(heavy, "heavy.docx"));
            assertTrue(e.getMessage().contains("内存上限（64 MB）"), e.getMessage());
            assertTrue(workers(extractor).processes().isEmpty());
            assertTrue(extractor.extract(Fixtures.format("report.docx"), "report.docx").text().contains("对照检查材料"));
        }
        assertTrue(usedHeap() - ownHeapBefore < 256L * 1024 * 1024, "this process's heap grew");
    }

    @Test
    void closingEndsTheProcesses() throws Exception {
        List<ProcessHandle> running;
        try (TikaExtractor extractor = isolated(Duration.ofSeconds(60), 128)) {
            extractor.extract(Fixtures.format("report.doc"), "report.doc");
            running = workers(extractor).processes();
            assertEquals(1, running.size());
        }
        assertFalse(running.get(0).isAlive());
    }

    private static ProcessHandle only(List<ProcessHandle> processes) {
        assertEquals(1, processes.size(), processes.toString());
        return processes.get(0);
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A docx whose body is megabytes of text that does not compress: too big for a small heap, no bomb. */
    private static byte[] docxWithRandomText(int megabytes) throws IOException {
        Random random = new Random(42);
        StringBuilder body = new StringBuilder();
        while (body.length() < megabytes * 1024 * 1024) {
            body.append("<w:p><w:r><w:t>");
            for (int i = 0; i < 200; i++) {
                body.append(Long.toString(random.nextLong(), 36));
            }
            body.append("</w:t></w:r></w:p>");
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Fixtures.format("report.docx")));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int close = xml.lastIndexOf("</w:body>");
                    content = (xml.substring(0, close) + body + xml.substring(close)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        }
    }
}
