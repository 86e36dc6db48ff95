package cn.reportarchive.extract;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import cn.reportarchive.extract.ocr.OcrSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads documents in child JVMs ({@link ExtractWorker}) with a bounded heap. A parse over the time
 * limit is ended by killing its process, which a thread cannot be (PDFBox and POI ignore interrupts);
 * a process that dies (out of memory, a crash) takes only that file with it. Each slot starts its
 * process when first needed and again after one was killed; the slots bound how many parse at once.
 *
 * <p>A scan is not one parse but many pages: the file's time limit covers the parse up to the first
 * page to OCR, then each page gets {@link OcrSettings#pageDeadline()} of its own from the moment it
 * may start (the child asks before each page; see {@link WorkerProtocol}). Pages take turns from one
 * {@link Semaphore} across all processes ({@link WorkerSettings#ocrPagesAtOnce()}); time spent
 * waiting for a turn is on no clock. Each page is logged and told to the {@link PageProgress}
 * listeners.
 */
final class WorkerReader implements DocumentReader {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerReader.class);
    /** What the parser processes write to stderr (their warnings, a library's stack trace), under a name of its own. */
    private static final Logger WORKER_LOG = LoggerFactory.getLogger("cn.reportarchive.extract.worker");
    /** A parser that floods stderr does not flood the log: so many lines a process, so many characters a line. */
    private static final int STDERR_LINES = 1000;
    private static final int STDERR_LINE_CHARS = 2000;
    /** ExitOnOutOfMemoryError ends the JVM with this code. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    /** A cold JVM on a busy machine: loading the parsers can take a while, but not this long. */
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final ExtractionLimits limits;
    private final WorkerSettings settings;
    private final OcrSettings ocr;
    private final Semaphore ocrTurns;
    private final List<PageProgress> listeners = new CopyOnWriteArrayList<>();
    private final List<String> command;
    private final BlockingQueue<Slot> idle;
    private final List<Slot> all = new ArrayList<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parse-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    WorkerReader(ExtractionLimits limits, WorkerSettings settings) {
        this(limits, settings, OcrSettings.defaults());
    }

    WorkerReader(ExtractionLimits limits, WorkerSettings settings, OcrSettings ocr) {
        this(limits, settings, ocr, ExtractWorker.class.getName());
    }

    /** With another program in the child (a test's worker that never answers: a time-out whatever the machine's load). */
    WorkerReader(ExtractionLimits limits, WorkerSettings settings, OcrSettings ocr, String workerClass) {
        this.limits = limits;
        this.settings = settings;
        this.ocr = ocr;
        this.ocrTurns = new Semaphore(Math.max(1, settings.ocrPagesAtOnce()), true);
        this.command = command(limits, settings, ocr, workerClass);
        int n = Math.max(1, settings.workers());
        this.idle = new ArrayBlockingQueue<>(n);
        for (int i = 0; i < n; i++) {
            Slot slot = new Slot();
            all.add(slot);
            idle.add(slot);
        }
    }

    /** The child's command line: this JVM's java and class path (the jar, or target/classes in tests). */
    private static List<String> command(ExtractionLimits limits, WorkerSettings settings, OcrSettings ocr,
                                        String workerClass) {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        // the worker's own deadline is a backstop for when this process is gone and cannot kill it
        long deadline = limits.timeout().toMillis() + 30_000;
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + settings.heapMb() + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData", "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8", "-Dreport-archive.console=WARN", // its stderr goes into our log
                "-cp", classPath, workerClass,
                Integer.toString(limits.maxChars()), Long.toString(deadline),
                Integer.toString(ocr.dpi()), Long.toString(ocr.pageTimeout().toMillis()), Integer.toString(ocr.maxPages()));
    }

    /** Adds a listener for OCR pages; closing the handle removes it. */
    AutoCloseable onPage(PageProgress listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public RawText read(byte[] bytes, String filename) throws ExtractionException {
        Slot slot;
        try {
            slot = idle.take(); // waiting for a free process does not count against the time limit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("解析被中断。");
        }
        try {
            return slot.read(bytes, filename);
        } finally {
            idle.add(slot);
        }
    }

    /** The processes alive now (for tests that check a killed parser is really gone). */
    List<ProcessHandle> processes() {
        List<ProcessHandle> alive = new ArrayList<>();
        for (Slot slot : all) {
            Process p = slot.process;
            if (p != null && p.isAlive()) {
                alive.add(p.toHandle());
            }
        }
        return alive;
    }

    @Override
    public void close() {
        closed = true;
        for (Slot slot : all) {
            slot.discard();
        }
        watchdog.shutdownNow();
    }

    /** One child process at a time, used by one caller at a time. */
    private final class Slot {
        private volatile Process process;
        /** The file this slot's process is reading, for its stderr lines in the log. */
        private volatile String reading;
        private DataOutputStream toWorker;
        private DataInputStream fromWorker;
        private int served;

        RawText read(byte[] bytes, String filename) throws ExtractionException {
            if (closed) {
                throw new ParserUnavailableException("档案库正在关闭，文件未解析。", null);
            }
            start();
            reading = filename;
            AtomicBoolean timedOut = new AtomicBoolean();
            Process current = process;
            Runnable killer = () -> {
                timedOut.set(true);
                destroy(current);
            };
            ScheduledFuture<?> kill = watchdog.schedule(killer, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            boolean holdsTurn = false;
            boolean stopped = false;
            WorkerProtocol.Page inPage = null;
            WorkerProtocol.Response response;
            try {
                WorkerProtocol.writeRequest(toWorker, filename, bytes);
                for (response = WorkerProtocol.readResponse(fromWorker); response.page() != null;
                        response = WorkerProtocol.readResponse(fromWorker)) {
                    kill.cancel(false);
                    if (holdsTurn) {
                        ocrTurns.release();
                        holdsTurn = false;
                    }
                    holdsTurn = takeTurn();
                    if (!holdsTurn) {
                        WorkerProtocol.answerPage(toWorker, false);
                        stopped = true; // the child stopped mid-file: it is not used again
                        continue; // the child answers with its failure ("解析被中断")
                    }
                    inPage = response.page();
                    pageStarts(filename, inPage);
                    kill = watchdog.schedule(killer, ocr.pageDeadline().toMillis(), TimeUnit.MILLISECONDS);
                    WorkerProtocol.answerPage(toWorker, true);
                }
            } catch (IOException e) {
                throw lost(current, timedOut.get(), e, inPage);
            } finally {
                kill.cancel(false);
                if (holdsTurn) {
                    ocrTurns.release();
                }
            }
            if (++served >= settings.filesPerWorker() || stopped) {
                discard();
            }
            if (response.text() != null) {
                return response.text();
            }
            throw new ExtractionException(response.error(),
                    response.detail().isEmpty() ? null : new ParserFailure(response.detail()));
        }

        /** A turn for one page; false when the archive is closing or this thread was interrupted. */
        private boolean takeTurn() {
            try {
                ocrTurns.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (closed) {
                ocrTurns.release();
                return false;
            }
            return true;
        }

        private void pageStarts(String filename, WorkerProtocol.Page page) {
            LOG.info("OCR {}: page {} of {}", filename, page.page(), page.pages());
            for (PageProgress listener : listeners) {
                try {
                    listener.page(filename, page.page(), page.pages());
                } catch (RuntimeException e) {
                    LOG.warn("page progress listener failed", e);
                }
            }
        }

        /** The process is gone or useless; say why in the user's words. */
        private ExtractionException lost(Process current, boolean timedOut, IOException e, WorkerProtocol.Page inPage) {
            // the exit code before anything else: a JVM out of memory closes its pipes a moment before it ends
            int exit = timedOut ? -1 : exitCode(current);
            discard();
            if (timedOut && inPage != null) {
                return new ExtractionException("扫描件第 " + inPage.page() + " 页（共 " + inPage.pages() + " 页）的识别超过 "
                        + ocr.pageDeadline().toSeconds() + " 秒仍未完成，未导入。", e);
            }
            if (timedOut) {
                return new ExtractionException(TikaExtractor.timeoutMessage(limits.timeout()), e);
            }
            if (exit == OUT_OF_MEMORY_EXIT) {
                return new ExtractionException("文件结构异常，解析时超出内存上限（" + settings.heapMb()
                        + " MB），未导入。", e);
            }
            return new ExtractionException("解析该文件时解析进程意外退出（文件可能已损坏或结构异常），未导入。", e);
        }

        private void start() throws ParserUnavailableException {
            if (process != null && process.isAlive()) {
                return;
            }
            discard();
            Process started;
            try {
                started = new ProcessBuilder(command).start();
            } catch (IOException e) {
                throw new ParserUnavailableException("无法启动文档解析进程（" + e.getMessage() + "），文件未导入，请稍后重试。", e);
            }
            Thread stderr = new Thread(() -> copyStderr(started), "parser-stderr-" + started.pid());
            stderr.setDaemon(true);
            stderr.start();
            ScheduledFuture<?> kill = watchdog.schedule(() -> {
                started.destroyForcibly();
            }, STARTUP.toMillis(), TimeUnit.MILLISECONDS);
            try {
                DataInputStream in = new DataInputStream(new BufferedInputStream(started.getInputStream(), 1 << 16));
                if (in.readInt() != WorkerProtocol.READY) {
                    throw new IOException("no ready signal");
                }
                process = started;
                fromWorker = in;
                toWorker = new DataOutputStream(new BufferedOutputStream(started.getOutputStream(), 1 << 16));
                served = 0;
            } catch (IOException e) {
                started.destroyForcibly();
                throw new ParserUnavailableException("文档解析进程未能启动（退出码 " + exitCode(started)
                        + "），文件未导入，请稍后重试。", e);
            } finally {
                kill.cancel(false);
            }
        }

        /** The process's stderr into our log, line by line, until the process is gone. */
        private void copyStderr(Process p) {
            int lines = 0;
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (++lines > STDERR_LINES) {
                        if (lines == STDERR_LINES + 1) {
                            WORKER_LOG.warn("解析进程 {}：输出超过 {} 行，其余不再记录", p.pid(), STDERR_LINES);
                        }
                        continue; // read on: a full pipe would block the process
                    }
                    String shown = line.length() > STDERR_LINE_CHARS ? line.substring(0, STDERR_LINE_CHARS) + "…" : line;
                    String file = reading;
                    WORKER_LOG.warn("解析进程 {}（{}）：{}", p.pid(), file == null ? "启动中" : file, shown);
                }
            } catch (IOException e) {
                // the process was killed: what it said before is in the log
            }
        }

        void discard() {
            Process p = process;
            process = null;
            if (p != null) {
                destroy(p);
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The process and a tesseract it may be running: once the JVM is gone its children would be out of reach. */
    private static void destroy(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static int exitCode(Process p) {
        try {
            return p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A parser's failure as the worker reported it: its stack trace, kept for the log. */
    static final class ParserFailure extends Exception {
        ParserFailure(String trace) {
            super(trace, null, false, false);
        }
    }
}
