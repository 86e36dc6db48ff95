package cn.reportarchive.bench;

import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.extract.WorkerSettings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * What parsing in child processes costs against parsing in this one: the same files extracted by
 * both, alternately, a round at a time, on one thread (time per file) and on as many threads as
 * there are parser processes (files per second); medians of the rounds, and the ratio. The first
 * round of each is a warm-up (JIT, the processes' start) and is timed on its own.
 */
public final class ExtractBench {
    public record Settings(Path files, int limit, int rounds, int threads) {
    }

    private final PrintStream out;

    public ExtractBench(PrintStream out) {
        this.out = out;
    }

    public void run(Settings s) throws Exception {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(s.files())) {
            paths = walk.filter(Files::isRegularFile).filter(p -> BulkImport.DOCUMENT_EXTENSIONS.contains(extension(p)))
                    .sorted().limit(s.limit()).toList();
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("目录中没有可测试的文件。");
        }
        List<byte[]> bytes = new ArrayList<>();
        long total = 0;
        for (Path p : paths) {
            byte[] b = Files.readAllBytes(p);
            bytes.add(b);
            total += b.length;
        }
        out.printf(Locale.ROOT, "%d files (%s), %.1f MB; %d cores; %d rounds after a warm-up; %d threads for throughput%n",
                paths.size(), mix(paths), total / 1048576.0, Runtime.getRuntime().availableProcessors(), s.rounds(),
                s.threads());
        ExtractionLimits limits = ExtractionLimits.defaults();
        WorkerSettings workers = new WorkerSettings(s.threads(), WorkerSettings.DEFAULT_HEAP_MB, Integer.MAX_VALUE);
        try (TikaExtractor inProcess = new TikaExtractor(limits, new TextNormalizer());
             TikaExtractor isolated = TikaExtractor.isolated(limits, new TextNormalizer(), workers)) {
            out.printf(Locale.ROOT, "warm-up: in-process %.0f ms, child processes %.0f ms (includes starting them)%n",
                    timeAll(inProcess, paths, bytes, s.threads()) / 1e6, timeAll(isolated, paths, bytes, s.threads()) / 1e6);
            double[][] perFile = new double[2][s.rounds()];
            double[][] cpuPerFile = new double[2][s.rounds()];
            double[][] throughput = new double[2][s.rounds()];
            TikaExtractor[] modes = {inProcess, isolated};
            for (int r = 0; r < s.rounds(); r++) {
                for (int m = 0; m < 2; m++) {
                    long cpu = cpuNanos();
                    perFile[m][r] = timeAll(modes[m], paths, bytes, 1) / 1e6 / paths.size();
                    cpuPerFile[m][r] = (cpuNanos() - cpu) / 1e6 / paths.size();
                    throughput[m][r] = paths.size() / (timeAll(modes[m], paths, bytes, s.threads()) / 1e9);
                }
            }
            String[] names = {"in this process", "child processes"};
            for (int m = 0; m < 2; m++) {
                out.printf(Locale.ROOT, "%-16s per file %.2f ms wall, %.2f ms CPU (1 thread); %.1f files/s (%d threads)"
                        + "   rounds: %s | %s | %s%n", names[m], median(perFile[m]), median(cpuPerFile[m]),
                        median(throughput[m]), s.threads(), rounded(perFile[m]), rounded(cpuPerFile[m]), rounded(throughput[m]));
            }
            out.printf(Locale.ROOT, "isolation costs %+.2f ms wall (%+.0f %%), %+.2f ms CPU (%+.0f %%) per file;"
                            + " throughput ratio %.2f%n",
                    median(perFile[1]) - median(perFile[0]), 100 * (median(perFile[1]) / median(perFile[0]) - 1),
                    median(cpuPerFile[1]) - median(cpuPerFile[0]), 100 * (median(cpuPerFile[1]) / median(cpuPerFile[0]) - 1),
                    median(throughput[1]) / median(throughput[0]));
        }
    }

    /** Nanoseconds to extract every file once, on so many threads; a file that fails counts like any other. */
    private static long timeAll(TikaExtractor extractor, List<Path> paths, List<byte[]> bytes, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    try {
                        return extractor.extract(bytes.get(n), paths.get(n).getFileName().toString());
                    } catch (ExtractionException e) {
                        return null;
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Processor time of this JVM and of its child processes: on a machine shared with other work,
     * steadier than the wall clock, and it counts what the parser processes spend too.
     */
    private static long cpuNanos() {
        long own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long children = ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
        return own + children;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String mix(List<Path> paths) {
        StringBuilder mix = new StringBuilder();
        paths.stream().map(ExtractBench::extension).distinct().sorted().forEach(ext -> mix.append(mix.isEmpty() ? "" : ", ")
                .append(paths.stream().filter(p -> extension(p).equals(ext)).count()).append(' ').append(ext));
        return mix.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String rounded(double[] values) {
        return String.join(" ", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
    }
}
