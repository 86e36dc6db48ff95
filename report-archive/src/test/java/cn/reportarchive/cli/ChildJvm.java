package cn.reportarchive.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The command line in a process of its own, as a user runs it (from this JVM's class path: the jar,
 * or target/classes under Maven), so that a test can kill it with SIGKILL or run it beside another.
 * Its stdout and stderr lines are collected as they come.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> outDone;
    private final CompletableFuture<Void> errDone;

    private ChildJvm(Process process) {
        this.process = process;
        this.outDone = CompletableFuture.runAsync(() -> collect(process.getInputStream(), out));
        this.errDone = CompletableFuture.runAsync(() -> collect(process.getErrorStream(), err));
    }

    static ChildJvm start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "cn.reportarchive.Main"));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).start());
    }

    private static void collect(java.io.InputStream stream, List<String> into) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                into.add(line);
            }
        } catch (IOException e) {
            // the process was killed: what came before is what it said
        }
    }

    Process process() {
        return process;
    }

    /** Waits until a line of stderr matches (true) or the process ends or the time is up (false). */
    boolean awaitErr(Predicate<String> line, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (err.stream().anyMatch(line)) {
                return true;
            }
            if (!process.isAlive()) {
                return err.stream().anyMatch(line);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits for the process to end by itself; its exit code, with all its output read. */
    int waitFor(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + seconds + " s: " + String.join("\n", err));
        }
        outDone.get(10, TimeUnit.SECONDS);
        errDone.get(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush. */
    void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        outDone.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
