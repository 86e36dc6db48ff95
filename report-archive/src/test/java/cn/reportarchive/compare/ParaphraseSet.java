package cn.reportarchive.compare;

import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.SectionType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hand-written paraphrase set (src/test/resources/paraphrase, see its README) and how a
 * similarity is scored on it: repeats as precision and recall at a threshold, with hits by kind;
 * measures by the status {@link YearCompare} would give them.
 */
final class ParaphraseSet {
    static final Path DIR = Path.of("report-archive/src/test/resources/paraphrase");

    record Pair(String id, String a, String b, boolean same, String kind) {
    }

    record Case(String id, String problem, String measure, String account, String laterProblem, String status) {
    }

    static List<Pair> problems(String part) throws Exception {
        List<Pair> out = new ArrayList<>();
        for (JsonNode n : lines("problems." + part + ".jsonl")) {
            out.add(new Pair(n.get("id").asText(), n.get("a").asText(), n.get("b").asText(), n.get("same").asBoolean(),
                    n.get("kind").asText()));
        }
        return out;
    }

    static List<Case> measures(String part) throws Exception {
        List<Case> out = new ArrayList<>();
        for (JsonNode n : lines("measures." + part + ".jsonl")) {
            out.add(new Case(n.get("id").asText(), n.get("problem").asText(), n.get("measure").asText(),
                    n.get("account").isNull() ? null : n.get("account").asText(),
                    n.get("laterProblem").isNull() ? null : n.get("laterProblem").asText(), n.get("status").asText()));
        }
        return out;
    }

    private static List<JsonNode> lines(String file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }

    /** Repeats found at a threshold: counts, and per kind how many pairs were called repeats. */
    record RepeatFigures(int tp, int fp, int fn, Map<String, int[]> byKind, List<String> wrong) {
        double precision() {
            return tp / (double) Math.max(1, tp + fp);
        }

        double recall() {
            return tp / (double) Math.max(1, tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static double[] scores(List<Pair> pairs, Similarity sim) {
        double[] out = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            out[i] = sim.of(sim.prepare(pairs.get(i).a()), sim.prepare(pairs.get(i).b()));
        }
        return out;
    }

    /** {@code out[j][i]}: the similarity of pair j's later point to pair i's earlier point. */
    static double[][] matrix(List<Pair> pairs, Similarity sim) {
        return matrix(pairs, sim, sim::of);
    }

    static double[][] matrix(List<Pair> pairs, Similarity sim, java.util.function.ToDoubleBiFunction<Similarity.Prepared, Similarity.Prepared> score) {
        List<Similarity.Prepared> as = pairs.stream().map(p -> sim.prepare(p.a())).toList();
        List<Similarity.Prepared> bs = pairs.stream().map(p -> sim.prepare(p.b())).toList();
        double[][] out = new double[pairs.size()][pairs.size()];
        for (int j = 0; j < pairs.size(); j++) {
            for (int i = 0; i < pairs.size(); i++) {
                out[j][i] = score.applyAsDouble(bs.get(j), as.get(i));
            }
        }
        return out;
    }

    /**
     * Repeats as {@link RepeatMatching} decides them within simulated year pairs: the pairs dealt
     * into reports of {@code size} (a seeded shuffle, {@code rounds} deals), the earlier report holding
     * their first points and the later one their second. A call is right when it links a pair's own
     * two points and the pair is a repeat; any other call is false; a repeat not called is missed.
     * By kind: how often each pair's own two points were linked, over all deals.
     */
    /** One simulated year pair: the pairs dealt into it (their first points earlier, second later) and its matrix. */
    record Deal(List<Integer> group, double[][] sim) {
    }

    /** The simulated year pairs: the pairs shuffled {@code rounds} times (seeded) and dealt {@code size} at a time. */
    static List<Deal> deals(int count, double[][] full, int size, int rounds) {
        List<Deal> out = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, new java.util.Random(1000 + round));
            for (int start = 0; start < order.size(); start += size) {
                List<Integer> group = order.subList(start, Math.min(order.size(), start + size));
                double[][] sim = new double[group.size()][group.size()];
                for (int j = 0; j < group.size(); j++) {
                    for (int i = 0; i < group.size(); i++) {
                        sim[j][i] = full[group.get(j)][group.get(i)];
                    }
                }
                out.add(new Deal(group, sim));
            }
        }
        return out;
    }

    static RepeatFigures matched(List<Pair> pairs, double[][] full, RepeatMatching.Settings settings, int size, int rounds) {
        return matched(pairs, full, settings, size, rounds, java.util.function.UnaryOperator.identity());
    }

    /** As above, each deal's matrix passed through {@code perDeal} before the matching (a decision that looks at the whole year pair). */
    static RepeatFigures matched(List<Pair> pairs, double[][] full, RepeatMatching.Settings settings, int size, int rounds,
            java.util.function.UnaryOperator<double[][]> perDeal) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        for (Deal deal : deals(pairs.size(), full, size, rounds)) {
            List<Integer> group = deal.group();
            int[] got = RepeatMatching.decide(perDeal.apply(deal.sim()), settings);
            for (int j = 0; j < group.size(); j++) {
                Pair p = pairs.get(group.get(j));
                int[] k = byKind.computeIfAbsent((p.same() ? "+ " : "- ") + p.kind(), x -> new int[2]);
                k[1]++;
                if (got[j] == j) {
                    k[0]++;
                }
                if (got[j] == j && p.same()) {
                    tp++;
                } else if (got[j] >= 0) {
                    fp++;
                }
                if (p.same() && got[j] != j) {
                    fn++;
                }
            }
        }
        return new RepeatFigures(tp, fp, fn, byKind, List.of());
    }

    /**
     * The two tiers of a comparison in the same simulated year pairs: {@code first} as repeats, and
     * {@link RepeatMatching#secondTier} at {@code second} as possible repeats. Counts: repeat pairs,
     * those linked by either tier, possible repeats called and how many of them link a repeat pair's
     * own two points.
     */
    record TierFigures(int repeatPairs, int foundByEither, int possibleCalls, int possibleTrue) {
        double unionRecall() {
            return foundByEither / (double) Math.max(1, repeatPairs);
        }

        double possiblePrecision() {
            return possibleTrue / (double) Math.max(1, possibleCalls);
        }
    }

    static TierFigures tiers(List<Pair> pairs, double[][] full, RepeatMatching.Settings first, RepeatMatching.Settings second,
            int size, int rounds) {
        int repeatPairs = 0;
        int either = 0;
        int calls = 0;
        int right = 0;
        for (Deal deal : deals(pairs.size(), full, size, rounds)) {
            List<Integer> group = deal.group();
            double[][] sim = deal.sim();
            int[] repeats = RepeatMatching.decide(sim, first);
            int[] possible = RepeatMatching.secondTier(sim, repeats, second);
            for (int j = 0; j < group.size(); j++) {
                boolean same = pairs.get(group.get(j)).same();
                if (same) {
                    repeatPairs++;
                    if (repeats[j] == j || possible[j] == j) {
                        either++;
                    }
                }
                if (possible[j] >= 0) {
                    calls++;
                    if (possible[j] == j && same) {
                        right++;
                    }
                }
            }
        }
        return new TierFigures(repeatPairs, either, calls, right);
    }

    static RepeatFigures repeats(List<Pair> pairs, double[] scores, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            boolean found = scores[i] >= threshold;
            int[] k = byKind.computeIfAbsent((p.same() ? "+ " : "- ") + p.kind(), x -> new int[2]);
            k[1]++;
            if (found) {
                k[0]++;
            }
            if (found && p.same()) {
                tp++;
            } else if (found) {
                fp++;
                wrong.add(String.format("FALSE %s %s %.3f", p.id(), p.kind(), scores[i]));
            } else if (p.same()) {
                fn++;
                wrong.add(String.format("MISS %s %s %.3f", p.id(), p.kind(), scores[i]));
            }
        }
        return new RepeatFigures(tp, fp, fn, byKind, wrong);
    }

    /** How an account is scored against a measure's parts and its problem (today's rule or the new one). */
    interface AccountRule {
        boolean reports(Similarity sim, String account, String measure, String problem);
    }

    record StatusFigures(int right, int total, Map<String, Integer> confusion, List<String> wrong) {
        double accuracy() {
            return right / (double) Math.max(1, total);
        }
    }

    /**
     * Each case as YearCompare sees it: the earlier problem and measure linked by {@link MeasureLinks},
     * then reported when the account reports it, else recurred when the later problem restates the
     * linked problem at the repeat threshold, else no-trace.
     */
    static StatusFigures statuses(List<Case> cases, Similarity sim, RepeatMatching.Settings recurrence, AccountRule rule) {
        int right = 0;
        Map<String, Integer> confusion = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Point problem = point(SectionType.PROBLEMS, c.problem());
            Point measure = point(SectionType.MEASURES, c.measure());
            Point answered = MeasureLinks.of(List.of(problem), List.of(measure),
                    (m, p) -> sim.of(sim.prepare(m.text()), sim.prepare(p.text()))).get(measure);
            String got;
            if (c.account() != null && rule.reports(sim, c.account(), c.measure(), answered == null ? null : answered.text())) {
                got = MeasureStatus.REPORTED.key();
            } else if (answered != null && c.laterProblem() != null
                    && RepeatMatching.decide(new double[][] {{sim.of(sim.prepare(c.laterProblem()), sim.prepare(answered.text()))}},
                            recurrence)[0] == 0) {
                got = MeasureStatus.RECURRED.key();
            } else {
                got = MeasureStatus.NO_TRACE.key();
            }
            confusion.merge(c.status() + "->" + got, 1, Integer::sum);
            if (got.equals(c.status())) {
                right++;
            } else {
                wrong.add(c.id() + " " + c.status() + "->" + got);
            }
        }
        return new StatusFigures(right, cases.size(), confusion, wrong);
    }

    private static Point point(SectionType type, String text) {
        return new Point(ItemRef.parse(type.key() + "/1/1"), type, 1, "theory", text);
    }
}
