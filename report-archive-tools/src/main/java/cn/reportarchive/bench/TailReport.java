package cn.reportarchive.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which queries make the slow end of a single-client run: percentiles by kind of query, how many
 * of each kind are slower than the run's p90, and the slowest queries with their totals. A
 * diagnostic beside the figures; it changes neither the mix nor the timing.
 */
final class TailReport {
    private static final int SLOWEST = 12;

    private final PrintStream out;

    TailReport(PrintStream out) {
        this.out = out;
    }

    void print(List<QueryMix.Query> mix, long[] nanos, long[] totals) {
        double p90 = new Percentiles(nanos).millis(90);
        Map<String, List<Integer>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < mix.size(); i++) {
            byKind.computeIfAbsent(mix.get(i).kind(), k -> new ArrayList<>()).add(i);
        }
        out.printf(Locale.ROOT, "by kind (count, p50 / p90 / p99 ms, queries slower than the run's p90 %.2f ms, "
                + "mean total):%n", p90);
        byKind.forEach((kind, queries) -> {
            long[] times = queries.stream().mapToLong(i -> nanos[i]).toArray();
            Percentiles p = new Percentiles(times);
            long slow = queries.stream().filter(i -> nanos[i] / 1e6 > p90).count();
            double meanTotal = queries.stream().mapToLong(i -> totals[i]).average().orElse(0);
            out.printf(Locale.ROOT, "  %-10s %4d  %6.2f / %6.2f / %6.2f  %3d slow  %,9.0f%n", kind, queries.size(),
                    p.millis(50), p.millis(90), p.millis(99), slow, meanTotal);
        });
        out.println("slowest queries (ms, total, kind, query):");
        IntStream.range(0, mix.size()).boxed().sorted(Comparator.comparingLong((Integer i) -> -nanos[i])).limit(SLOWEST)
                .forEach(i -> out.printf(Locale.ROOT, "  %7.2f %,9d  %-10s %s%n", nanos[i] / 1e6, totals[i],
                        mix.get(i).kind(), mix.get(i).text()));
    }
}
