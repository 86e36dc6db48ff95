package cn.reportarchive.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Keeps one report's many passages from crowding out the others. In rank order, a report's
 * passages beyond the first {@code perReport} step back, but only behind other reports' passages
 * that are nearly as good (at least {@link #NEARLY_AS_GOOD} of their score): a strong literal match
 * never falls behind weak ones (a related word's, a scattered one).
 */
final class ReportSpread {
    static final double NEARLY_AS_GOOD = 0.5;

    private ReportSpread() {
    }

    static <T> List<T> spread(List<T> ranked, Function<T, String> reportOf, ToDoubleFunction<T> scoreOf,
                              int perReport) {
        if (perReport <= 0) {
            return ranked;
        }
        List<T> out = new ArrayList<>(ranked.size());
        Deque<T> waiting = new ArrayDeque<>();
        Map<String, Integer> shown = new HashMap<>();
        for (T hit : ranked) {
            while (!waiting.isEmpty() && scoreOf.applyAsDouble(hit) < NEARLY_AS_GOOD * scoreOf.applyAsDouble(waiting.peek())) {
                out.add(waiting.poll());
            }
            int n = shown.merge(reportOf.apply(hit), 1, Integer::sum);
            if (n > perReport) {
                waiting.add(hit);
            } else {
                out.add(hit);
            }
        }
        out.addAll(waiting);
        return out;
    }
}
