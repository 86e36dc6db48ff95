package cn.reportarchive.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import cn.reportarchive.extract.ocr.OcrSettings;
import cn.reportarchive.extract.ocr.PageGate;
import cn.reportarchive.extract.ocr.ScanReader;
import cn.reportarchive.extract.ocr.Tesseract;

/**
 * The parser process: {@code java -Xmx… -cp <the archive's class path> cn.reportarchive.extract.ExtractWorker
 * MAX_CHARS DEADLINE_MS [OCR_DPI OCR_PAGE_TIMEOUT_MS OCR_MAX_PAGES]}. Reads requests on stdin and
 * answers on stdout (see {@link WorkerProtocol}) until stdin closes. OCR asks the archive before each
 * page and waits for its turn; each page the archive lets start moves this process's own deadline
 * on by the page's time, so that a long scan is bounded per page, not cut at the file's limit. Whatever a parser does to this process (runs away, fills the heap, overflows
 * the stack) stays here: the archive kills and replaces it.
 */
public final class ExtractWorker {
    private ExtractWorker() {
    }

    public static void main(String[] args) throws IOException {
        int maxChars = Integer.parseInt(args[0]);
        long deadlineMillis = Long.parseLong(args[1]);
        OcrSettings ocr = args.length >= 5
                ? new OcrSettings(Integer.parseInt(args[2]), java.time.Duration.ofMillis(Long.parseLong(args[3])),
                        Integer.parseInt(args[4]))
                : OcrSettings.defaults();
        long pageDeadlineMillis = ocr.pageDeadline().toMillis() + 30_000;
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        // stdout carries the protocol: whatever a library prints goes to stderr instead
        System.setOut(System.err);
        // The archive kills this process on time-out; should the archive itself die first (SIGKILL),
        // nobody would, so the worker watches its parent and its own deadline.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> halt(0)));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deadline");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<ScheduledFuture<?>> deadline = new AtomicReference<>();
        PageGate gate = (page, pages) -> {
            deadline.get().cancel(false); // waiting for a turn has no deadline here: the archive watches it
            boolean go = WorkerProtocol.askPage(out, in, page, pages);
            deadline.set(clock.schedule(() -> halt(4), pageDeadlineMillis, TimeUnit.MILLISECONDS));
            if (!go) {
                throw new InterruptedException("the archive stopped the OCR");
            }
        };
        TikaReader reader = new TikaReader(maxChars, new ScanReader(new Tesseract(), ocr, gate));
        out.writeInt(WorkerProtocol.READY);
        out.flush();
        for (WorkerProtocol.Request request = WorkerProtocol.readRequest(in); request != null;
                request = WorkerProtocol.readRequest(in)) {
            deadline.set(clock.schedule(() -> halt(4), deadlineMillis, TimeUnit.MILLISECONDS));
            try {
                WorkerProtocol.writeText(out, reader.read(request.bytes(), request.filename()));
            } catch (ExtractionException e) {
                WorkerProtocol.writeFailure(out, e.getMessage(), describe(e.getCause()));
            } catch (RuntimeException | StackOverflowError e) {
                WorkerProtocol.writeFailure(out, TikaReader.translate(e).getMessage(), describe(e));
            } finally {
                deadline.get().cancel(false);
            }
        }
        Runtime.getRuntime().halt(0); // parsers may have left non-daemon threads behind
    }

    /** Ends this process, and first a tesseract it started, which would otherwise run on without a parent. */
    private static void halt(int status) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(status);
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return null;
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        String s = trace.toString();
        return s.length() > 8000 ? s.substring(0, 8000) : s;
    }
}
