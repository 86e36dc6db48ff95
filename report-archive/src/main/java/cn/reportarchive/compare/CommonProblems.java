package cn.reportarchive.compare;

import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.SectionType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems raised by many units: points of the whole archive grouped when they restate one
 * another. Each point's MinHash signature of its character pairs is cut into bands, kept in the
 * store at import; points alike in most pairs share a band. In each band's bucket the point with
 * the smallest key (a hash of report and place, so the same whatever order reports came in) is the
 * representative, and a member is linked to it when their similarity, weighed by the snapshot's
 * pair weights, reaches the repeat threshold: stock vocabulary alone links nothing. A group is a
 * set of points joined by links. Links are kept up to date as points come and go, so the groups
 * are read from the links without comparing any text.
 */
public final class CommonProblems {
    /** The pair view's repeat threshold (the archive-wide grouping compares pairs only, see CompareService). */
    static final double GROUP_THRESHOLD = 0.55;
    private static final int HASHES = 16;
    private static final int ROWS = 2;
    private static final long[] SEEDS = new long[HASHES];
    private static final int PREPARED_CACHE = 20_000;

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x += 0x9E3779B97F4A7C15L;
            SEEDS[i] = mix(x);
        }
    }

    /** A point with the report it stands in. */
    public record Located(String reportId, String unit, String author, Integer year, ItemRef ref, String aspect, String text) {
    }

    public record Group(int units, int reports, String aspect, String text, List<Located> examples) {
    }

    private final CopyStore store;
    private final Similarity similarity;
    private final Map<Long, Similarity.Prepared> prepared = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Similarity.Prepared> eldest) {
            return size() > PREPARED_CACHE;
        }
    };
    private PointComponents components;
    /**
     * What imports added since the groups were read, taken in at the next answer: an import only adds
     * points and links (unless it re-links a band that had links, which may split a group: then the
     * groups are read again), so the groups need not be read again, 8 s at 100,000 reports.
     */
    private final List<PointComponents.Added> addedPoints = new ArrayList<>();
    private final List<long[]> addedLinks = new ArrayList<>();
    /** Added points held at most; beyond, the groups are read again (a bulk import while they are held). */
    static final int MAX_ADDED = 20_000;
    /** The answers given since the groups were read, by year, minimum, limit and examples. */
    private final Map<String, List<Group>> answered = new HashMap<>();

    CommonProblems(CopyStore store, Similarity similarity) {
        this.store = store;
        this.similarity = similarity;
    }

    /** A point's key: the same for the same report and place, whatever order the archive was built in. */
    static long ord(String reportId, String ref) {
        long h = 0xCBF29CE484222325L;
        String s = reportId + "/" + ref;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** The band keys of a text's MinHash signature, or none for a text without character pairs. */
    static long[] bands(String text) {
        int[] grams = TextKey.grams(TextKey.of(text));
        if (grams.length == 0) {
            return new long[0];
        }
        long[] sig = new long[HASHES];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (int g : grams) {
            for (int h = 0; h < HASHES; h++) {
                long v = mix(g ^ SEEDS[h]);
                if (v < sig[h]) {
                    sig[h] = v;
                }
            }
        }
        long[] keys = new long[HASHES / ROWS];
        for (int band = 0; band < keys.length; band++) {
            long key = band;
            for (int r = 0; r < ROWS; r++) {
                key = mix(key * 31 + sig[band * ROWS + r]);
            }
            keys[band] = key;
        }
        return keys;
    }

    /** Takes in a placed report's problems (a report without unit or year stays out until corrected). */
    synchronized void add(Report r) throws SQLException {
        if (r.unit() == null || r.year() == null) {
            return;
        }
        boolean split = false;
        for (Point p : ReportPoints.of(r, SectionType.PROBLEMS)) {
            long ord = ord(r.id(), p.ref().toString());
            store.putPoint(new CopyStore.PointRow(ord, r.id(), p.ref().toString(), p.aspect(), p.text(), r.unit(), r.author(), r.year()));
            addedPoints.add(new PointComponents.Added(ord, r.id(), r.unit(), r.year()));
            for (long key : bands(p.text())) {
                Long rep = store.representative(key);
                store.putBand(key, ord);
                if (rep == null || rep == ord) {
                    continue;
                }
                if (ord > rep) {
                    if (alike(ord, rep)) {
                        link(key, ord, rep);
                    }
                } else {
                    split |= relink(key); // the new point is the bucket's smallest: every member is measured against it
                }
            }
        }
        if (split || components == null || addedPoints.size() > MAX_ADDED) {
            stale();
        }
    }

    private void link(long key, long ord, long rep) throws SQLException {
        store.putLink(key, ord, rep);
        addedLinks.add(new long[] {ord, rep});
    }

    /** The groups to be read again at the next answer, and nothing added to take in. */
    private void stale() {
        components = null;
        addedPoints.clear();
        addedLinks.clear();
    }

    /** Stores a placed report's problems and their bands, without linking them (the backfill links all at once). */
    synchronized void addBands(Report r) throws SQLException {
        if (r.unit() == null || r.year() == null) {
            return;
        }
        for (Point p : ReportPoints.of(r, SectionType.PROBLEMS)) {
            long ord = ord(r.id(), p.ref().toString());
            store.putPoint(new CopyStore.PointRow(ord, r.id(), p.ref().toString(), p.aspect(), p.text(), r.unit(), r.author(), r.year()));
            for (long key : bands(p.text())) {
                store.putBand(key, ord);
            }
        }
        stale();
    }

    /** Links every bucket's members to its representative: what {@link #add} does point by point, for a whole store. */
    synchronized void linkAll() throws SQLException {
        List<long[]> links = new ArrayList<>();
        store.forEachBucket((key, ords) -> {
            long rep = ords.get(0);
            for (int i = 1; i < ords.size(); i++) {
                if (alike(ords.get(i), rep)) {
                    links.add(new long[] {key, ords.get(i), rep});
                }
            }
            if (links.size() >= 10_000) {
                flush(links);
            }
        });
        flush(links);
        stale();
    }

    private void flush(List<long[]> links) throws SQLException {
        store.inTransaction(() -> {
            for (long[] l : links) {
                store.putLink(l[0], l[1], l[2]);
            }
            return null;
        });
        links.clear();
    }

    /** Bytes the next {@link #groups} may take (nothing when the groups are read already). */
    synchronized long estimate() throws SQLException {
        return components != null ? 0 : store.pointCount() * PointComponents.BYTES_PER_POINT;
    }

    /** Lets a report's points go; a bucket whose representative leaves is measured against the next one. */
    synchronized void remove(String reportId) throws SQLException {
        List<Long> ords = store.pointsOf(reportId);
        if (ords.isEmpty()) {
            return; // nothing of it here (an import removes first whatever it replaces): the groups stand
        }
        for (long ord : ords) {
            for (long key : store.bandsOf(ord)) {
                Long rep = store.representative(key);
                store.deleteBand(key, ord);
                store.deleteLink(key, ord);
                if (rep != null && rep == ord) {
                    relink(key);
                }
            }
            store.deletePoint(ord);
            prepared.remove(ord);
        }
        stale();
    }

    /** Links a bucket's members to its smallest anew; whether it had links (which may be gone now). */
    private boolean relink(long key) throws SQLException {
        boolean had = store.deleteLinksOf(key) > 0;
        List<Long> members = store.bucket(key);
        if (members.size() < 2) {
            return had;
        }
        long rep = members.get(0);
        for (int i = 1; i < members.size(); i++) {
            if (alike(members.get(i), rep)) {
                link(key, members.get(i), rep);
            }
        }
        return had;
    }

    private boolean alike(long a, long b) throws SQLException {
        Similarity.Prepared pa = prepared(a);
        Similarity.Prepared pb = prepared(b);
        return pa != null && pb != null && similarity.of(pa, pb) >= GROUP_THRESHOLD;
    }

    private Similarity.Prepared prepared(long ord) throws SQLException {
        Similarity.Prepared p = prepared.get(ord);
        if (p == null) {
            String text = store.pointText(ord);
            if (text == null) {
                return null;
            }
            p = similarity.prepare(text);
            prepared.put(ord, p);
        }
        return p;
    }

    /** Forgets the groups read last: the next call reads the links again. */
    synchronized void invalidate() {
        stale();
    }

    /** Problems raised by at least {@code minUnits} units ({@code year}: of that year's points only), most units first. */
    synchronized List<Group> groups(Integer year, int minUnits, int limit, int examples) throws SQLException {
        if (components != null && (!addedPoints.isEmpty() || !addedLinks.isEmpty())) {
            components = components.with(addedPoints, addedLinks); // null: a point added twice, read again
            answered.clear();
            addedPoints.clear();
            addedLinks.clear();
        }
        if (components == null) {
            answered.clear();
            components = PointComponents.read(store);
        }
        String key = year + "/" + minUnits + "/" + limit + "/" + examples;
        List<Group> known = answered.get(key);
        if (known != null) {
            return known;
        }
        List<Group> out = groupsOf(components, year, minUnits, limit, examples);
        answered.put(key, out);
        return out;
    }

    private List<Group> groupsOf(PointComponents c, Integer year, int minUnits, int limit, int examples) throws SQLException {
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            if (c.linked(i) && c.unit(i) != null && c.inYear(i, year)) {
                members.computeIfAbsent(c.root(i), k -> new ArrayList<>()).add(i);
            }
        }
        record Candidate(int units, int reports, long head, List<Integer> members) {
        }
        List<Candidate> found = new ArrayList<>();
        for (List<Integer> m : members.values()) {
            Set<String> units = new HashSet<>();
            Set<String> reports = new HashSet<>();
            for (int i : m) {
                units.add(c.unit(i));
                reports.add(c.report(i));
            }
            if (units.size() >= minUnits) {
                m.sort(Comparator.comparingLong(c::ord));
                found.add(new Candidate(units.size(), reports.size(), c.ord(m.get(0)), m));
            }
        }
        found.sort(Comparator.comparingInt(Candidate::units).reversed().thenComparing(Comparator.comparingInt(Candidate::reports).reversed())
                .thenComparingLong(Candidate::head));
        List<Group> out = new ArrayList<>();
        for (Candidate g : found.subList(0, Math.min(limit, found.size()))) {
            List<Located> shown = new ArrayList<>();
            for (int i : g.members().subList(0, Math.min(examples, g.members().size()))) {
                CopyStore.PointRow p = store.point(c.ord(i));
                if (p != null) {
                    shown.add(new Located(p.id(), p.unit(), p.author(), p.year(), ItemRef.parse(p.ref()), p.aspect(), p.text()));
                }
            }
            if (!shown.isEmpty()) {
                out.add(new Group(g.units(), g.reports(), shown.get(0).aspect(), shown.get(0).text(), shown));
            }
        }
        return List.copyOf(out);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
