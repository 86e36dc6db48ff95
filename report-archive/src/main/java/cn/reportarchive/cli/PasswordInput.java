package cn.reportarchive.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password from the person at the terminal (typed twice, not echoed) or, when stdin is a pipe
 * or a file, its first line (for scripts: {@code printf '%s\n' "$PW" | … user add NAME …}). Never
 * from an argument, which other users of the machine could read in the process list. Kept in a
 * char array, never a String, so that it can be wiped once hashed.
 */
final class PasswordInput {
    private static final int MAX = 1024;

    private PasswordInput() {
    }

    static char[] read(String prompt, InputStream stdin) throws IOException {
        Console console = System.console();
        if (console != null && Terminal.stdinIsTerminal()) {
            char[] first = console.readPassword("%s", prompt);
            char[] again = console.readPassword("%s", "请再输入一次：");
            if (first == null || again == null) {
                throw new UserError("没有读到密码。", Cli.USAGE);
            }
            boolean same = Arrays.equals(first, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new UserError("两次输入的密码不一致，账户未改动。", Cli.USAGE);
            }
            return first;
        }
        return firstLine(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }

    /** The first line, without its line end; an error when there is none. */
    static char[] firstLine(Reader in) throws IOException {
        char[] buf = new char[MAX + 1];
        int n = 0;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (n == buf.length) {
                Arrays.fill(buf, '\0');
                throw new UserError("密码过长（超过 " + MAX + " 个字符）。", Cli.USAGE);
            }
            buf[n++] = (char) c;
        }
        if (n > 0 && buf[n - 1] == '\r') {
            n--;
        }
        if (n == 0) {
            throw new UserError("没有从标准输入读到密码（应为第一行）。", Cli.USAGE);
        }
        char[] password = Arrays.copyOf(buf, n);
        Arrays.fill(buf, '\0');
        return password;
    }
}
