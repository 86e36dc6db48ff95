package cn.reportarchive.generate;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.cli.Cli;
import cn.reportarchive.tools.Tools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate command: a one-line summary, the files and the ground truth; bad options exit 2. */
@Tag("integration")
class GenerateCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Tools.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void writesTheArchiveAndSaysSoInOneLine() throws Exception {
        Path dir = tmp.resolve("a");
        Run r = run("generate", "--out", dir.toString(), "--reports", "25", "--seed", "3", "--years", "2022..2024",
                "--formats", "txt=1");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().startsWith("已生成 25 份材料"), r.out());
        long files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).count();
        }
        assertEquals(25, files);
        String truth = Files.readString(dir.resolve("ground-truth.jsonl"));
        assertTrue(truth.startsWith("{\"type\":\"meta\""));
        assertTrue(truth.strip().endsWith("}") && truth.contains("\"type\":\"summary\""));
    }

    @Test
    void badOptionsExitWithUsage() {
        assertEquals(Cli.USAGE, run("generate", "--out", tmp.toString(), "--reports", "5", "--years", "2024..2015").code());
        assertEquals(Cli.USAGE, run("generate", "--out", tmp.toString(), "--reports", "5", "--formats", "doc=3").code());
        assertEquals(Cli.USAGE, run("generate", "--out", tmp.toString(), "--reports", "0").code());
        Run missing = run("generate", "--reports", "5");
        assertEquals(Cli.USAGE, missing.code());
    }
}
