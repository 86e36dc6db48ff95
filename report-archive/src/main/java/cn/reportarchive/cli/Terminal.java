package cn.reportarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Whether a person is watching stderr (where the progress bar goes) or typing on stdin; what may be printed there. */
final class Terminal {
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private Terminal() {
    }

    /** A file name as it may be shown: a name holding escape sequences must not drive the terminal. */
    static String printable(String s) {
        return s == null ? "" : INVISIBLE.matcher(s).replaceAll("?");
    }

    static boolean isInteractive() {
        return isTerminal(2);
    }

    /** Whether stdin is a terminal (a password is then read without echo), not a pipe or a file. */
    static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    private static boolean isTerminal(int fd) {
        try {
            // Linux: a file descriptor is a terminal when it points at a tty device
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
