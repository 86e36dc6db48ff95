package cn.reportarchive.compare;

import cn.reportarchive.compare.CopyCheck.DocRef;
import cn.reportarchive.compare.CopyCheck.Pair;
import cn.reportarchive.compare.CopyCheck.SharedPassage;
import cn.reportarchive.compare.CopyCheck.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The kept fingerprints of every text of the archive and of the templates, in one sorted array of
 * longs: (34 bits of hash, 20 bits of text number, 10 bits of passage number). A passage of one
 * text shares a fingerprint with another's when they share a run of text; fingerprints found in
 * many texts are the genre's stock phrases and say nothing about copying, so they are left out.
 */
public final class CopyIndex {
    /** A fingerprint in more texts than this (at least) is a stock phrase, not a copy. */
    private static final int MIN_STOCK = 6;
    /** The archive-wide list pairs texts only through fingerprints held by this many texts or fewer. */
    private static final int PAIR_GROUP_MAX = 8;
    private static final int PIECE_BITS = 10;
    private static final int DOC_BITS = 20;
    private static final long LOW_MASK = (1L << (PIECE_BITS + DOC_BITS)) - 1;

    private final List<CopyDoc> docs;
    private final String[][] keys;
    private final long[] entries;
    private final int stock;
    private final Map<String, Integer> byId = new HashMap<>();

    public CopyIndex(List<CopyDoc> docs) {
        if (docs.size() >= 1 << DOC_BITS) {
            throw new IllegalArgumentException("too many texts for one copy index: " + docs.size());
        }
        this.docs = List.copyOf(docs);
        int reports = (int) docs.stream().filter(d -> !d.template()).count();
        this.stock = Math.max(MIN_STOCK, reports / 500);
        this.keys = new String[docs.size()][];
        long[][] perDoc = new long[docs.size()][];
        IntStream.range(0, docs.size()).parallel().forEach(d -> perDoc[d] = entriesOf(d));
        int total = 0;
        for (long[] e : perDoc) {
            total += e.length;
        }
        this.entries = new long[total];
        int at = 0;
        for (int d = 0; d < perDoc.length; d++) {
            System.arraycopy(perDoc[d], 0, entries, at, perDoc[d].length);
            at += perDoc[d].length;
            byId.putIfAbsent(docs.get(d).id(), d);
        }
        Arrays.parallelSort(entries);
    }

    private long[] entriesOf(int d) {
        List<CopyDoc.Piece> pieces = docs.get(d).pieces();
        String[] k = new String[pieces.size()];
        List<Long> out = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            k[p] = TextKey.of(pieces.get(p).text());
            Fingerprints.Kept kept = Fingerprints.of(k[p]);
            int piece = Math.min(p, (1 << PIECE_BITS) - 1);
            for (int i = 0; i < kept.size(); i++) {
                out.add(entry(kept.hashes()[i], d, piece));
            }
        }
        keys[d] = k;
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static long entry(long hash, int doc, int piece) {
        return ((hash >>> (PIECE_BITS + DOC_BITS)) << (PIECE_BITS + DOC_BITS)) | ((long) doc << PIECE_BITS) | piece;
    }

    private static int docOf(long entry) {
        return (int) ((entry >>> PIECE_BITS) & ((1 << DOC_BITS) - 1));
    }

    private static int pieceOf(long entry) {
        return (int) (entry & ((1 << PIECE_BITS) - 1));
    }

    public int size() {
        return docs.size();
    }

    public long fingerprints() {
        return entries.length;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /**
     * The share of a report's own text (what is not stock phrasing) found in other texts, and where,
     * most first; null for an unknown id.
     */
    public CopyCheck check(String id, int maxSources) {
        Integer d = byId.get(id);
        if (d == null) {
            return null;
        }
        CopyDoc doc = docs.get(d);
        int[] offsets = new int[keys[d].length + 1];
        for (int p = 0; p < keys[d].length; p++) {
            offsets[p + 1] = offsets[p] + keys[d][p].length();
        }
        BitSet any = new BitSet();
        BitSet stockText = new BitSet();
        Map<Integer, BitSet> bySource = new HashMap<>();
        Map<Integer, Map<Integer, Map<Integer, Integer>>> pieceLinks = new HashMap<>(); // source -> piece -> source piece -> count
        for (int p = 0; p < keys[d].length; p++) {
            Fingerprints.Kept kept = Fingerprints.of(keys[d][p]);
            for (int i = 0; i < kept.size(); i++) {
                long base = entry(kept.hashes()[i], 0, 0);
                int from = lowerBound(base);
                int to = lowerBound(base + LOW_MASK + 1);
                int start = offsets[p] + kept.positions()[i];
                if (countTexts(from, to) > stock) {
                    stockText.set(start, start + Fingerprints.K);
                    continue;
                }
                for (int e = from; e < to; e++) {
                    int s = docOf(entries[e]);
                    if (!doc.mayCopyFrom(docs.get(s))) {
                        continue;
                    }
                    any.set(start, start + Fingerprints.K);
                    bySource.computeIfAbsent(s, k -> new BitSet()).set(start, start + Fingerprints.K);
                    pieceLinks.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(p, k -> new HashMap<>())
                            .merge(pieceOf(entries[e]), 1, Integer::sum);
                }
            }
        }
        stockText.andNot(any);
        // stock phrases are neither copied text nor the report's own: they leave the denominator
        double total = Math.max(1, offsets[keys[d].length] - stockText.cardinality());
        List<Source> sources = new ArrayList<>();
        bySource.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<Integer, BitSet> e) -> e.getValue().cardinality()).reversed())
                .limit(maxSources)
                .forEach(e -> sources.add(source(doc, docs.get(e.getKey()), e.getValue().cardinality() / total,
                        pieceLinks.get(e.getKey()))));
        return new CopyCheck(doc.id(), doc.title(), YearCompare.round(any.cardinality() / total), sources);
    }

    private Source source(CopyDoc doc, CopyDoc src, double share, Map<Integer, Map<Integer, Integer>> links) {
        List<SharedPassage> passages = new ArrayList<>();
        new java.util.TreeMap<>(links).forEach((piece, counts) -> {
            int best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            CopyDoc.Piece mine = doc.pieces().get(piece);
            CopyDoc.Piece theirs = src.pieces().get(Math.min(best, src.pieces().size() - 1));
            passages.add(new SharedPassage(mine.ref(), mine.text(), theirs.ref(), theirs.text(),
                    SharedRuns.of(mine.text(), theirs.text(), 6, 4)));
        });
        return new Source(src.id(), src.unit(), src.author(), src.year(), src.title(), src.template(),
                YearCompare.round(share), passages);
    }

    /**
     * The pairs of texts of different authors (or a text and a template) where the copy shares at
     * least {@code minShare} of its own wording with the source, most shared first. Its own wording:
     * its fingerprints that few texts hold; stock phrases count neither for nor against a pair.
     */
    public List<Pair> pairs(double minShare, int limit) {
        Map<Long, Integer> shared = new HashMap<>();
        int[] rare = new int[docs.size()]; // fingerprints of each text held by few texts: its own wording
        int[] group = new int[PAIR_GROUP_MAX + 1];
        for (int from = 0; from < entries.length; ) {
            int to = from + 1;
            while (to < entries.length && sameHash(entries[from], entries[to])) {
                to++;
            }
            int n = 0;
            int texts = 0;
            for (int e = from; e < to && texts <= PAIR_GROUP_MAX; e++) {
                int d = docOf(entries[e]);
                if (n == 0 || group[n - 1] != d) { // entries of a text sit together: sorted by text number
                    if (texts < group.length) {
                        group[n++] = d;
                    }
                    texts++;
                }
            }
            if (texts <= PAIR_GROUP_MAX) {
                for (int i = 0; i < n; i++) {
                    rare[group[i]]++;
                }
            }
            if (texts >= 2 && texts <= PAIR_GROUP_MAX) {
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        CopyDoc a = docs.get(group[i]);
                        CopyDoc b = docs.get(group[j]);
                        if (a.template() && b.template() || !a.template() && !b.template() && a.sameAuthor(b)) {
                            continue;
                        }
                        shared.merge(((long) group[i] << DOC_BITS) | group[j], 1, Integer::sum);
                    }
                }
            }
            from = to;
        }
        List<Pair> pairs = new ArrayList<>();
        shared.forEach((key, count) -> {
            int i = (int) (key >>> DOC_BITS);
            int j = (int) (key & ((1 << DOC_BITS) - 1));
            Pair p = pair(i, j, count, rare);
            if (p.share() >= minShare) {
                pairs.add(p);
            }
        });
        pairs.sort(Comparator.comparingDouble(Pair::share).reversed()
                .thenComparing(p -> p.copy().reportId()).thenComparing(p -> p.source().reportId()));
        return pairs.size() > limit ? List.copyOf(pairs.subList(0, limit)) : pairs;
    }

    /** Which of two texts is the copy: the one a template or an earlier year points to, else the one more covered. */
    private Pair pair(int i, int j, int count, int[] rare) {
        CopyDoc a = docs.get(i);
        CopyDoc b = docs.get(j);
        double shareA = count / (double) Math.max(1, rare[i]);
        double shareB = count / (double) Math.max(1, rare[j]);
        boolean aIsCopy;
        if (a.template() || b.template()) {
            aIsCopy = b.template();
        } else if (a.year() != null && b.year() != null && !a.year().equals(b.year())) {
            aIsCopy = a.year() > b.year();
        } else {
            aIsCopy = shareA >= shareB;
        }
        CopyDoc copy = aIsCopy ? a : b;
        CopyDoc source = aIsCopy ? b : a;
        return new Pair(DocRef.of(copy), DocRef.of(source), YearCompare.round(Math.min(1, aIsCopy ? shareA : shareB)),
                source.template());
    }

    private static boolean sameHash(long a, long b) {
        return (a & ~LOW_MASK) == (b & ~LOW_MASK);
    }

    private int countTexts(int from, int to) {
        int texts = 0;
        int last = -1;
        for (int e = from; e < to; e++) {
            int d = docOf(entries[e]);
            if (d != last && !docs.get(d).template()) {
                texts++;
                last = d;
                if (texts > stock) {
                    break;
                }
            }
        }
        return texts;
    }

    private int lowerBound(long value) {
        int lo = 0;
        int hi = entries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
