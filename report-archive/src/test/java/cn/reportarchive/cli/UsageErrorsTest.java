package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad usage: unknown options and commands, missing arguments, values of the wrong type. Exit code 2. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class UsageErrorsTest {
    @TempDir
    static Path tmp;

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of((Object) new String[] {"search", "群众", "--bogus"}),
                Arguments.of((Object) new String[] {"list", "--frobnicate"}),
                Arguments.of((Object) new String[] {"import", "--json"}),
                Arguments.of((Object) new String[] {"search", "--json"}),
                Arguments.of((Object) new String[] {"show", "--json"}),
                Arguments.of((Object) new String[] {"search", "群众", "--limit"}),
                Arguments.of((Object) new String[] {"search", "群众", "--limit", "many"}),
                Arguments.of((Object) new String[] {"list", "--year", "二〇二二"}),
                Arguments.of((Object) new String[] {"import", "x.docx", "--year", "abc"}),
                Arguments.of((Object) new String[] {"frobnicate"}),
                Arguments.of((Object) new String[] {}));
    }

    @ParameterizedTest
    @MethodSource("badUsage")
    void exitsWithTwoAndAChineseMessage(String[] args) {
        List<String> withData = new ArrayList<>(List.of(args));
        // --data goes after the command name; with no command there is nothing to put it after
        if (args.length > 0 && !args[0].equals("frobnicate")) {
            withData.add("--data");
            withData.add(tmp.resolve("data").toString());
        }
        CliRunner.Result r = CliRunner.run(withData.toArray(String[]::new));
        assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
        assertFalse(r.errLines().isEmpty(), "a reason on stderr");
        assertTrue(CliRunner.hasHan(r.errLines().get(0)), r.err());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
    }

    /** The hint after a usage error names a help that exists, for the command that was mistyped. */
    @ParameterizedTest
    @MethodSource("commandPaths")
    void theUsageHintLeadsToThatCommandsHelp(String path) {
        List<String> args = new ArrayList<>(List.of(path.split(" ")));
        args.add("--bogus");
        CliRunner.Result wrong = CliRunner.run(args.toArray(String[]::new));
        assertEquals(2, wrong.code(), wrong.err());
        String hint = wrong.errLines().get(wrong.errLines().size() - 1);
        assertEquals("用法见：java -jar report-archive.jar " + path + " --help", hint);

        CliRunner.Result help = CliRunner.run((path + " --help").split(" "));
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("用法：report-archive " + path), help.out());
        assertTrue(help.out().contains("显示本帮助并退出"), help.out());
    }

    static Stream<String> commandPaths() {
        return Stream.of("import", "search", "units merge", "template add", "user add");
    }
}
