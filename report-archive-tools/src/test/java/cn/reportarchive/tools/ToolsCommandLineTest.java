package cn.reportarchive.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The tools jar speaks like the product's command line (a Chinese sentence, exit 2, a hint naming its
 * own jar), and the product's command line no longer carries the tools.
 */
class ToolsCommandLineTest {
    private record Run(int code, String err) {
    }

    private static Run run(ToIntFunction<String[]> program, String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return new Run(program.applyAsInt(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    @Test
    void aMistypedBenchOptionPointsToTheToolsJarsHelp() {
        Run r = run(Tools::run, "bench", "search", "--bogus");
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("用法见：java -jar report-archive-tools.jar bench search --help"), r.err());
    }

    @Test
    void theProductNoLongerGeneratesOrBenchmarks() {
        for (String command : new String[] {"generate", "bench"}) {
            Run r = run(Cli::run, command, "--out", "x", "--reports", "1");
            assertEquals(Cli.USAGE, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains("无法识别的参数或命令"), r.err());
        }
    }

    @Test
    void noCommandNamesTheTwoThereAre() {
        Run r = run(Tools::run);
        assertEquals(Cli.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("generate 或 bench"), r.err());
    }
}
