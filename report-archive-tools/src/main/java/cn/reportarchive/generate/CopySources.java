package cn.reportarchive.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports another unit could copy from: the last few of each year and kind, and the last one of
 * each line of work, so that a finance bureau can copy its neighbour audit bureau or another
 * county's finance bureau. Bounded, whatever the size of the archive.
 */
final class CopySources {
    private static final int RECENT = 12;

    private final Map<String, Deque<GenReport>> recent = new HashMap<>();
    private final Map<String, GenReport> byDomain = new HashMap<>();

    /** A copy that later offers do not change (what the units of one batch may copy from). */
    CopySources snapshot() {
        CopySources s = new CopySources();
        recent.forEach((k, v) -> s.recent.put(k, new ArrayDeque<>(v)));
        s.byDomain.putAll(byDomain);
        return s;
    }

    void offer(GenReport rep) {
        if (rep.copyOf != null) {
            return; // a copy is not copied again here
        }
        Deque<GenReport> q = recent.computeIfAbsent(key(rep.year, rep.track.team()), k -> new ArrayDeque<>());
        q.addLast(rep);
        if (q.size() > RECENT) {
            q.removeFirst();
        }
        byDomain.put(rep.unit().domain().key() + "/" + key(rep.year, rep.track.team()), rep);
    }

    /** A report of the same year and kind from another unit, or null. */
    GenReport pick(GenReport own, Rng r) {
        String k = key(own.year, own.track.team());
        GenReport same = byDomain.get(own.unit().domain().key() + "/" + k);
        if (same != null && same.unit().index() != own.unit().index() && r.chance(0.5)) {
            return same;
        }
        List<GenReport> others = new ArrayList<>();
        for (GenReport g : recent.getOrDefault(k, new ArrayDeque<>())) {
            if (g.unit().index() != own.unit().index()) {
                others.add(g);
            }
        }
        return others.isEmpty() ? null : r.pick(others);
    }

    private static String key(int year, boolean team) {
        return year + (team ? "T" : "P");
    }
}
