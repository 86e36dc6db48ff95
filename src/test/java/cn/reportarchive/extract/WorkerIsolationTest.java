package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // the HTML parser takes about 14 µs a nesting level, quiet or not (800,000 levels: 10.9 s;
        // 1,600,000: 21.7 s and 287 MB of heap, measured in one process), so 2,000,000 levels (24 MB)
        // need some 27 s on an idle machine: nearly three times the limit. The heap is room for what
        // the parser holds until it is killed, so the time limit, not memory, is what ends it.
        byte[] slow = ("<html><body>" + "<div>".repeat(2_000_000) + "一、存在的问题" + "</div>".repeat(2_000_000)
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        // 10 s: a child JVM's start and first parse stay well within it even on a loaded machine
        try (TikaExtractor extractor = isolated(Duration.ofSeconds(10), 768)) {
            extractor.extract(Fixtures.format("report.docx"), "report.docx");
            ProcessHandle first = only(workers(extractor).processes());
            long started = System.nanoTime();
            ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(slow, "nested.html"));
            assertTrue(e.getMessage().contains("超时"), e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 25, "the time-out did not end it");
            assertTrue(first.onExit().get(10, TimeUnit.SECONDS) != null && !first.isAlive(), "the runaway parser still runs");
            assertTrue(workers(extractor).processes().isEmpty());
            assertEquals("application/pdf", extractor.extract(Fixtures.format("report.pdf"), "report.pdf").mediaType());
            assertNotEquals(first.pid(), only(workers(extractor).processes()).pid());
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
