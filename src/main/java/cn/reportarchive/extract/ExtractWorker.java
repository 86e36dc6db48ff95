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

/**
 * The parser process: {@code java -Xmx… -cp <the archive's class path> cn.reportarchive.extract.ExtractWorker
 * MAX_CHARS DEADLINE_MS}. Reads requests on stdin and answers on stdout (see {@link WorkerProtocol})
 * until stdin closes. Whatever a parser does to this process (runs away, fills the heap, overflows
 * the stack) stays here: the archive kills and replaces it.
 */
public final class ExtractWorker {
    private ExtractWorker() {
    }

    public static void main(String[] args) throws IOException {
        int maxChars = Integer.parseInt(args[0]);
        long deadlineMillis = Long.parseLong(args[1]);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        // stdout carries the protocol: whatever a library prints goes to stderr instead
        System.setOut(System.err);
        // The archive kills this process on time-out; should the archive itself die first (SIGKILL),
        // nobody would, so the worker watches its parent and its own deadline.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deadline");
            t.setDaemon(true);
            return t;
        });
        TikaReader reader = new TikaReader(maxChars);
        out.writeInt(WorkerProtocol.READY);
        out.flush();
        for (WorkerProtocol.Request request = WorkerProtocol.readRequest(in); request != null;
                request = WorkerProtocol.readRequest(in)) {
            ScheduledFuture<?> deadline = clock.schedule(() -> Runtime.getRuntime().halt(4), deadlineMillis,
                    TimeUnit.MILLISECONDS);
            try {
                WorkerProtocol.writeText(out, reader.read(request.bytes(), request.filename()));
            } catch (ExtractionException e) {
                WorkerProtocol.writeFailure(out, e.getMessage(), describe(e.getCause()));
            } catch (RuntimeException | StackOverflowError e) {
                WorkerProtocol.writeFailure(out, TikaReader.translate(e).getMessage(), describe(e));
            } finally {
                deadline.cancel(false);
            }
        }
        Runtime.getRuntime().halt(0); // parsers may have left non-daemon threads behind
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
