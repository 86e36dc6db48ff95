package cn.reportarchive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Runs the command line in-process with System.out and System.err captured. */
final class CliRunner {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLES = Path.of("sample-docs").toAbsolutePath();

    private CliRunner() {
    }

    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }

        List<JsonNode> jsonLines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
            return lines;
        }

        /** Non-blank lines of stderr. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** The command with this as its standard input (a password typed, a piped answer). */
    static synchronized Result runWithStdin(String stdin, String... args) {
        java.io.InputStream old = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return run(args);
        } finally {
            System.setIn(old);
        }
    }

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Cli.run(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Copies sample documents into a folder and gives their paths in the same order. */
    /** Imports some sample files into {@code tmp}/data and gives the data directory, for a test class's setup. */
    static String importSamples(Path tmp, String... files) {
        String data = tmp.resolve("data").toString();
        copySamples(tmp.resolve("in"), files);
        Result r = run("import", tmp.resolve("in").toString(), "--data", data, "--json");
        if (r.code() != 0) {
            throw new AssertionError("import of the samples failed: " + r.out() + r.err());
        }
        return data;
    }

    static List<Path> copySamples(Path into, String... names) {
        List<Path> copies = new ArrayList<>();
        try {
            Files.createDirectories(into);
            for (String name : names) {
                copies.add(Files.copy(SAMPLES.resolve(name), into.resolve(name), StandardCopyOption.REPLACE_EXISTING));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copies;
    }

    static boolean hasHan(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** No Java stack trace or exception class name leaked to the user. */
    static boolean looksLikeStackTrace(String err) {
        return err.contains("\tat ") || err.contains("Exception") || err.contains("at cn.reportarchive")
                || err.contains("at org.") || err.contains("at java.");
    }
}
