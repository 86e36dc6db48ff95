package cn.reportarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person is watching stderr, where the progress bar goes. */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        try {
            // Linux: stderr is a terminal when file descriptor 2 points at a tty device
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
