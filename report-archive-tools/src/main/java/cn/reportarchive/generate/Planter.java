package cn.reportarchive.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a report carries over from the same author's report of the year before: problems raised
 * again (verbatim, edited, or moved to another aspect), measures promised again, and the account
 * of last year's measures (上年度整改落实情况), which reports some of them and is silent on the rest.
 */
final class Planter {
    /** A problem of last year to raise again, and how. */
    record Carry(GenItem from, boolean edited, boolean move) {
    }

    private final TextEdits edits = new TextEdits();

    /** Which of last year's problems come back: a few, now and then none. */
    List<Carry> repeats(GenReport prev, Rng r) {
        List<GenItem> candidates = new ArrayList<>();
        for (GenItem p : prev.problems()) {
            if (p.ref != null && p.ref.split("/").length == 3) {
                candidates.add(p);
            }
        }
        int n = switch (r.weighted(22, 30, 26, 14, 8)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            default -> 4;
        };
        List<Carry> out = new ArrayList<>();
        for (GenItem from : r.sample(candidates, n)) {
            double x = r.nextDouble();
            out.add(new Carry(from, x >= 0.35, r.chance(0.22)));
        }
        return out;
    }

    /** The repeated item: the same words or reworked ones. */
    GenItem restate(Carry c, String aspect, Rng r) {
        GenItem item;
        if (c.edited()) {
            Map.Entry<String, String> e = edits.edit(c.from().body, r, 3);
            item = new GenItem(e.getKey(), c.from().gist, c.from().result, aspect);
            item.edits = e.getValue();
        } else {
            item = new GenItem(c.from().body, c.from().gist, c.from().result, aspect);
        }
        item.origin = c.from();
        item.record = c.from().record;
        boolean moved = c.from().aspect != null && aspect != null && !c.from().aspect.equals(aspect);
        item.how = moved ? "moved" : c.edited() ? "edited" : "verbatim";
        return item;
    }

    /** A measure promised again for a problem that came back: last year's words, often reworked. */
    GenItem repromise(GenItem previous, String aspect, Rng r) {
        GenItem item;
        if (r.chance(0.5)) {
            Map.Entry<String, String> e = edits.edit(previous.body, r, 2);
            item = new GenItem(e.getKey(), previous.gist, previous.result, aspect);
            item.edits = e.getValue();
            item.how = "edited";
        } else {
            item = new GenItem(previous.body, previous.gist, previous.result, aspect);
            item.how = "verbatim";
        }
        item.origin = previous;
        item.record = previous.record;
        return item;
    }

    /** Last year's measures the account reports on, in last year's order mostly. */
    List<GenItem> reported(GenReport prev, Rng r) {
        List<GenItem> measures = prev.measures();
        if (measures.isEmpty()) {
            return List.of();
        }
        double share = 0.3 + 0.6 * r.nextDouble();
        int k = Math.max(1, Math.min(9, (int) Math.round(share * measures.size())));
        List<GenItem> chosen = r.sample(measures, k);
        if (r.chance(0.8)) {
            chosen.sort((a, b) -> Integer.compare(measures.indexOf(a), measures.indexOf(b)));
        }
        return chosen;
    }

    /** One point of the account: what was done about a measure of last year. */
    static String account(GenItem measure, GenItem problem, Rng r, PhraseBook book, Ctx ctx) {
        String suffix = r.chance(0.3) ? book.expand("rect_suffix", r, ctx) : "";
        String result = measure.result == null ? "已完成整改" : measure.result;
        String core = measure.gist;
        double x = r.nextDouble();
        if (problem != null && problem.gist != null && x < 0.5) {
            return "针对" + problem.gist + "的问题，" + core + "，" + result + suffix;
        }
        if (problem != null && problem.gist != null && x < 0.62) {
            return "针对" + problem.gist + "的问题，" + result + suffix;
        }
        if (x < 0.82) {
            return core + "，" + result + suffix;
        }
        return "在" + core + "方面，" + result + suffix;
    }
}
