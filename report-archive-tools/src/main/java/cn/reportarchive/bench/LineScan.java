package cn.reportarchive.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The brute-force baseline: ripgrep over the extracted texts (one passage a line), for the first
 * run of a query, with the lines then checked for its other runs. What a user without the index
 * would do; the filters of a query are not applied, which only makes the scan's job lighter.
 */
final class LineScan {
    private final Path texts;

    LineScan(Path texts) {
        this.texts = texts;
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("rg", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The lines (numbered across the export) that hold every run: the grep set a search's recall is
     * measured against.
     */
    java.util.BitSet lines(List<String> runs, PassageExport export) throws IOException, InterruptedException {
        List<String> command = List.of("rg", "--with-filename", "--line-number", "--no-heading", "-g", "texts-*.txt", "-F", "-e",
                runs.get(0), texts.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        java.util.BitSet out = new java.util.BitSet();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                int a = line.indexOf(':');
                int b = line.indexOf(':', a + 1);
                String text = line.substring(b + 1);
                if (runs.stream().allMatch(text::contains)) {
                    String file = Path.of(line.substring(0, a)).getFileName().toString();
                    int global = export.line(file, Integer.parseInt(line.substring(a + 1, b)));
                    if (global >= 0) {
                        out.set(global);
                    }
                }
            }
        }
        p.waitFor();
        return out;
    }

    /** Lines that hold every run. */
    long count(List<String> runs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rg", "--no-filename", "--no-line-number", "-g", "texts-*.txt", "-F", "-e",
                runs.get(0), texts.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long matches = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String l = line;
                if (runs.stream().allMatch(l::contains)) {
                    matches++;
                }
            }
        }
        p.waitFor();
        return matches;
    }
}
