package cn.reportarchive.cli;

import java.io.PrintStream;

/** A one-line progress bar on a terminal; silent when output goes to a file or a pipe. */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean enabled;
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
        int filled = (int) ((long) WIDTH * done / total);
        String name = current.length() > 40 ? "…" + current.substring(current.length() - 39) : current;
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + name
                + "\u001B[K");
        out.flush();
    }

    void done() {
        if (enabled) {
            out.print("\r\u001B[K");
            out.flush();
        }
    }
}
