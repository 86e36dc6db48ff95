package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * A bulk import killed with SIGKILL at random points, again and again, each time started again:
 * after every kill the archive opens whole (catalog, originals and index agree: verify finds
 * nothing) and every import the killed process acknowledged (a line printed by import --json) is
 * there; at the end every file is in, once.
 */
@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class CrashTest {
    private static final int FILES = 400;
    private static final int KILLS = 20;
    private static final long SEED = 20250120L;

    @TempDir
    Path tmp;

    @Test
    void killedAtRandomPointsAndStartedAgainLosesNothingAcknowledged() throws Exception {
        Path in = SmallReports.folder(tmp.resolve("in"), FILES);
        String data = tmp.resolve("data").toString();
        Random random = new Random(SEED);
        Set<String> acknowledged = new HashSet<>();
        int killedWhileImporting = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            ChildJvm run = ChildJvm.start("import", in.toString(), "--data", data, "--json", "--batch", "8");
            if (kill % 4 == 0) {
                // anywhere from the JVM's start through recovery to the first batches
                Thread.sleep(100 + random.nextInt(1500));
            } else {
                // in the thick of it: after some new reports were acknowledged, at a random moment of the next batches
                int imported = 1 + random.nextInt(24);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (importedLines(run.out) < imported && run.process().isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(300));
            }
            boolean wasRunning = run.process().isAlive();
            long killedAt = System.nanoTime();
            run.kill();
            List<JsonNode> said = acknowledgements(run.out);
            said.forEach(line -> acknowledged.add(line.get("id").asText()));
            if (wasRunning && said.stream().anyMatch(l -> l.get("status").asText().equals("imported"))) {
                killedWhileImporting++;
            }

            // started again: opening the archive repairs what the kill cut short
            Set<String> catalogued = ids(data);
            assertTrue(catalogued.containsAll(acknowledged), "kill " + kill + ": acknowledged but lost: "
                    + acknowledged.stream().filter(id -> !catalogued.contains(id)).toList());
            CliRunner.Result verify = CliRunner.run("verify", "--data", data);
            assertEquals(0, verify.code(), "kill " + kill + ": " + verify.out() + verify.err());
            System.out.printf("kill %d: %d lines said, %d reports in, checked in %d ms%n", kill, said.size(),
                    catalogued.size(), (System.nanoTime() - killedAt) / 1_000_000);
        }
        ChildJvm last = ChildJvm.start("import", in.toString(), "--data", data, "--json", "--batch", "8");
        assertEquals(0, last.waitFor(300), String.join("\n", last.err));
        List<JsonNode> finished = acknowledgements(last.out);
        assertEquals(FILES, finished.size());
        assertTrue(finished.stream().allMatch(l -> !l.get("status").asText().equals("failed")), finished.toString());
        Set<String> all = ids(data);
        assertEquals(FILES, all.size());
        assertTrue(all.containsAll(acknowledged));
        assertEquals(0, CliRunner.run("verify", "--data", data).code());
        assertEquals(1, CliRunner.run("search", "问题123：", "--json", "--data", data).json().get("total").asInt());
        assertTrue(killedWhileImporting >= KILLS / 2, "only " + killedWhileImporting + " kills hit an import at work");
        System.out.printf("CrashTest: %d kills survived (%d while importing), %d acknowledged imports kept%n", KILLS,
                killedWhileImporting, acknowledged.size());
    }

    @Test
    void aKilledImportLeavesNoParserProcessRunning() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("slow"));
        // an HTML file that keeps the HTML parser busy for many seconds
        Files.writeString(in.resolve("nested.html"), "<html><body>" + "<div>".repeat(200_000) + "一、存在的问题"
                + "</div>".repeat(200_000) + "</body></html>", StandardCharsets.UTF_8);
        ChildJvm run = ChildJvm.start("import", in.toString(), "--data", tmp.resolve("data2").toString(), "--json");
        List<ProcessHandle> parsers = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (parsers.isEmpty() && System.nanoTime() < deadline) {
            // the import starts no other process (and Java cuts command lines at 4096 characters, so no name test)
            parsers = run.process().descendants().toList();
            Thread.sleep(100);
        }
        assertFalse(parsers.isEmpty(), "no parser process was started: " + run.err);
        Thread.sleep(1500); // the parser has the file now
        run.kill();
        for (ProcessHandle parser : parsers) {
            parser.onExit().get(20, TimeUnit.SECONDS);
            assertFalse(parser.isAlive(), "a parser outlived the killed import: " + parser.pid());
        }
    }

    private static long importedLines(List<String> lines) {
        return lines.stream().filter(l -> l.contains("\"status\":\"imported\"")).count();
    }

    /** The complete JSON lines a process printed; a line the kill cut in half was never said. */
    private static List<JsonNode> acknowledgements(List<String> lines) {
        return lines.stream().map(line -> {
            try {
                return CliRunner.JSON.readTree(line);
            } catch (IOException cut) {
                return null;
            }
        }).filter(n -> n != null && n.has("status") && !n.get("status").asText().equals("failed")).toList();
    }

    private static Set<String> ids(String data) {
        CliRunner.Result list = CliRunner.run("list", "--json", "--data", data);
        assertEquals(0, list.code(), list.err());
        Set<String> ids = new HashSet<>();
        list.json().forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
