package cn.reportarchive.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with files per second and time left; silent when nobody watches. A scan
 * read by OCR takes seconds a page, so while one is read the line shows its page ("扫描件.pdf 识别第
 * 3/200 页"), also when it is the only file.
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean enabled;
    private final boolean watched;
    private final long started = System.nanoTime();
    private int done;

    Progress(PrintStream out, int total, boolean enabled) {
        this.out = out;
        this.total = total;
        this.watched = enabled;
        this.enabled = enabled && total > 1;
    }

    /** Page {@code page} of {@code pages} of a scan starts being read (from the importing threads). */
    synchronized void page(String file, int page, int pages) {
        if (!watched) {
            return;
        }
        out.print(String.format(Locale.ROOT, "\r%d/%d  %s 识别第 %d/%d 页\u001B[K", done, total, shortName(file), page, pages));
        out.flush();
    }

    private static String shortName(String name) {
        return name.length() > 30 ? "…" + name.substring(name.length() - 29) : name;
    }

    synchronized void step(String current) {
        done++;
        if (!enabled) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long left = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = (int) ((long) WIDTH * done / total);
        String name = shortName(current);
        out.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d  %.1f 个/秒  剩余 %d:%02d  %s\u001B[K",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, rate, left / 60, left % 60, name));
        out.flush();
    }

    synchronized void done() {
        if (watched) {
            out.print("\r\u001B[K");
            out.flush();
        }
    }
}
