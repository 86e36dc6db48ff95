package cn.reportarchive.cli;

/** Whether a person is watching: a console is attached. */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        return System.console() != null;
    }
}
