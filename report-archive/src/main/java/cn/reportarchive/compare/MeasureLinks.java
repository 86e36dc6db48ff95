package cn.reportarchive.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Which problem each measure answers. Authors write a block's measures in the order of the problems
 * they answer, leaving a problem out here and adding a general measure there; their wording differs
 * (a problem says what is lacking, a measure what will be done), so likeness alone misleads. Within
 * each aspect the measures are aligned to the problems in order, an alignment that prefers alike
 * pairs; a measure left over answers none.
 */
public final class MeasureLinks {
    /** What aligning a measure with a problem is worth before their likeness is counted. */
    private static final double IN_ORDER = 0.2;

    private MeasureLinks() {
    }

    public static Map<Point, Point> of(List<Point> problems, List<Point> measures, ToDoubleBiFunction<Point, Point> sim) {
        Map<String, List<Point>> measuresByAspect = new LinkedHashMap<>();
        for (Point m : measures) {
            measuresByAspect.computeIfAbsent(String.valueOf(m.aspect()), k -> new ArrayList<>()).add(m);
        }
        Map<Point, Point> links = new HashMap<>();
        measuresByAspect.forEach((aspect, ms) -> {
            List<Point> ps = problems.stream().filter(p -> aspect.equals(String.valueOf(p.aspect()))).toList();
            align(ms, ps.isEmpty() ? problems : ps, sim, links);
        });
        return links;
    }

    private static void align(List<Point> ms, List<Point> ps, ToDoubleBiFunction<Point, Point> sim, Map<Point, Point> links) {
        int k = ms.size();
        int n = ps.size();
        double[][] best = new double[k + 1][n + 1];
        for (int i = 1; i <= k; i++) {
            for (int j = 0; j <= n; j++) {
                double v = best[i - 1][j]; // measure i answers none
                if (j > 0) {
                    v = Math.max(v, best[i][j - 1]); // problem j gets no measure
                    v = Math.max(v, best[i - 1][j - 1] + IN_ORDER + sim.applyAsDouble(ms.get(i - 1), ps.get(j - 1)));
                }
                best[i][j] = v;
            }
        }
        int i = k;
        int j = n;
        while (i > 0 && j > 0) {
            double pair = best[i - 1][j - 1] + IN_ORDER + sim.applyAsDouble(ms.get(i - 1), ps.get(j - 1));
            if (best[i][j] == pair) {
                links.put(ms.get(i - 1), ps.get(j - 1));
                i--;
                j--;
            } else if (best[i][j] == best[i][j - 1]) {
                j--;
            } else {
                i--;
            }
        }
    }
}
