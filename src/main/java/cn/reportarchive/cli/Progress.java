package cn.reportarchive.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar with files per second and time left; silent when nobody watches. */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private int done;

    Progress(PrintStream out, int total, boolean enabled) {
        this.out = out;
        this.total = total;
        this.enabled = enabled && total > 1;
    }

    void step(String current) {
        done++;
        if (!enabled) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long left = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = (int) ((long) WIDTH * done / total);
        String name = current.length() > 30 ? "…" + current.substring(current.length() - 29) : current;
        out.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d  %.1f 个/秒  剩余 %d:%02d  %s\u001B[K",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, rate, left / 60, left % 60, name));
        out.flush();
    }

    void done() {
        if (enabled) {
            out.print("\r\u001B[K");
            out.flush();
        }
    }
}
