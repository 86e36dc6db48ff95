package cn.reportarchive.compare;

import cn.reportarchive.parse.ItemRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems raised by many units: points of the whole archive grouped when they restate one
 * another. Candidates come from MinHash signatures of their character pairs cut into bands (points
 * alike in most pairs share a band), and each candidate joins a group only when its similarity to
 * the group's first point reaches the repeat threshold, so stock vocabulary alone joins nothing.
 */
public final class CommonProblems {
    /** The pair view's repeat threshold (the archive-wide grouping compares pairs only, see CompareService). */
    static final double GROUP_THRESHOLD = 0.55;
    private static final int HASHES = 16;
    private static final int ROWS = 2;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x += 0x9E3779B97F4A7C15L;
            SEEDS[i] = mix(x);
        }
    }

    /** A point with the report it stands in. */
    public record Located(String reportId, String unit, String author, Integer year, ItemRef ref, String aspect, String text) {
        /** Whether the report is placed (unit and year known): one imported without them stays out until corrected. */
        boolean complete() {
            return unit != null && year != null;
        }
    }

    public record Group(int units, int reports, String aspect, String text, List<Located> examples) {
    }

    private final Similarity similarity;

    public CommonProblems(Similarity similarity) {
        this.similarity = similarity;
    }

    public List<Group> groups(List<Located> all, int minUnits, int limit, int examples) {
        List<Located> points = all.stream().filter(Located::complete).toList();
        int n = points.size();
        Similarity.Prepared[] prepared = new Similarity.Prepared[n];
        long[][] signatures = new long[n][];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            prepared[i] = similarity.prepare(points.get(i).text());
            signatures[i] = signature(prepared[i].grams());
        });
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int band = 0; band < HASHES / ROWS; band++) {
            Map<Long, Integer> first = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (signatures[i] == null) {
                    continue;
                }
                long key = band;
                for (int r = 0; r < ROWS; r++) {
                    key = mix(key * 31 + signatures[i][band * ROWS + r]);
                }
                Integer f = first.putIfAbsent(key, i);
                if (f != null && find(parent, f) != find(parent, i)
                        && similarity.of(prepared[f], prepared[i]) >= GROUP_THRESHOLD) {
                    parent[find(parent, i)] = find(parent, f);
                }
            }
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Integer> m : members.values()) {
            Set<String> units = new HashSet<>();
            Set<String> reports = new LinkedHashSet<>();
            for (int i : m) {
                Located p = points.get(i);
                units.add(p.unit());
                reports.add(p.reportId());
            }
            if (units.size() >= minUnits) {
                Located head = points.get(m.get(0));
                groups.add(new Group(units.size(), reports.size(), head.aspect(), head.text(),
                        m.stream().limit(examples).map(points::get).toList()));
            }
        }
        groups.sort(Comparator.comparingInt(Group::units).reversed().thenComparing(Comparator.comparingInt(Group::reports).reversed())
                .thenComparing(Group::text));
        return groups.size() > limit ? List.copyOf(groups.subList(0, limit)) : groups;
    }

    private static long[] signature(int[] grams) {
        if (grams.length == 0) {
            return null;
        }
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (int g : grams) {
            for (int h = 0; h < HASHES; h++) {
                long v = mix(g ^ SEEDS[h]);
                if (v < sig[h]) {
                    sig[h] = v;
                }
            }
        }
        return sig;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
