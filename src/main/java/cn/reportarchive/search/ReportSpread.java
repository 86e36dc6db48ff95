package cn.reportarchive.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keeps one report's many passages from crowding out the others: in rank order, each report's
 * first {@code perReport} passages come first, its further passages follow all of those (in
 * rank order again, a report at a time, so that each round gives every report its next turn).
 */
final class ReportSpread {
    private ReportSpread() {
    }

    static <T> List<T> spread(List<T> ranked, Function<T, String> reportOf, int perReport) {
        if (perReport <= 0) {
            return ranked;
        }
        List<List<T>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (T hit : ranked) {
            int n = seen.merge(reportOf.apply(hit), 1, Integer::sum);
            int round = (n - 1) / perReport;
            while (rounds.size() <= round) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(hit);
        }
        List<T> out = new ArrayList<>(ranked.size());
        rounds.forEach(out::addAll);
        return out;
    }
}
