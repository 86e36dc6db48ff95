package cn.reportarchive;

import cn.reportarchive.cli.Cli;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        prepare(args);
        System.exit(Cli.run(args));
    }

    /** Logging and UTF-8 output as every command line of the product expects them (the tools jar's too). */
    public static void prepare(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        // Tika, POI and PDFBox report every oddity of a file; users only need our one sentence on the console
        // (the log file in the data directory has it all; see logback.xml). Set before the first logger exists.
        System.setProperty("report-archive.console", verbose ? "INFO" : "OFF");
        System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }
}
