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

    private final List<CopyDoc> docs; // without their pieces: the fingerprints stand for the text
    private final long[] entries;
    private final int stock;
    private final Map<String, Integer> byId = new HashMap<>();

    /** A text's fingerprints, ready to be indexed: (hash, passage) entries and the text's particulars. */
    public record Prints(CopyDoc doc, long[] entries) {
    }

    /** Fingerprints a text; the result keeps no text, so an archive's worth fits in memory. */
    public static Prints prints(CopyDoc doc) {
        List<CopyDoc.Piece> pieces = doc.pieces();
        long[][] perPiece = new long[pieces.size()][];
        int total = 0;
        for (int p = 0; p < pieces.size(); p++) {
            Fingerprints.Kept kept = Fingerprints.of(TextKey.of(pieces.get(p).text()));
            int piece = Math.min(p, (1 << PIECE_BITS) - 1);
            perPiece[p] = new long[kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                perPiece[p][i] = entry(kept.hashes()[i], 0, piece);
            }
            total += kept.size();
        }
        long[] out = new long[total];
        int at = 0;
        for (long[] e : perPiece) {
            System.arraycopy(e, 0, out, at, e.length);
            at += e.length;
        }
        return new Prints(new CopyDoc(doc.id(), doc.unit(), doc.author(), doc.year(), doc.title(), doc.template(), List.of()), out);
    }

    public CopyIndex(List<Prints> texts) {
        if (texts.size() >= 1 << DOC_BITS) {
            throw new IllegalArgumentException("too many texts for one copy index: " + texts.size());
        }
        this.docs = texts.stream().map(Prints::doc).toList();
        int reports = (int) docs.stream().filter(d -> !d.template()).count();
        this.stock = Math.max(MIN_STOCK, reports / 500);
        long total = texts.stream().mapToLong(t -> t.entries().length).sum();
        this.entries = new long[Math.toIntExact(total)];
        int at = 0;
        for (int d = 0; d < texts.size(); d++) {
            for (long e : texts.get(d).entries()) {
                entries[at++] = e | ((long) d << PIECE_BITS);
            }
            byId.putIfAbsent(docs.get(d).id(), d);
        }
        Arrays.parallelSort(entries);
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

    /** The particulars of an indexed text (without its passages), or null. */
    public CopyDoc doc(String id) {
        Integer d = byId.get(id);
        return d == null ? null : docs.get(d);
    }

    /**
     * The share of a text's own wording (what is not stock phrasing) found in the other texts, and
     * where, most first. {@code fetch} gives a source's passages by id, to show them side by side.
     */
    public CopyCheck check(CopyDoc doc, java.util.function.Function<String, CopyDoc> fetch, int maxSources) {
        String[] keys = doc.pieces().stream().map(p -> TextKey.of(p.text())).toArray(String[]::new);
        int[] offsets = new int[keys.length + 1];
        for (int p = 0; p < keys.length; p++) {
            offsets[p + 1] = offsets[p] + keys[p].length();
        }
        BitSet any = new BitSet();
        BitSet stockText = new BitSet();
        Map<Integer, BitSet> bySource = new HashMap<>();
        Map<Integer, Map<Integer, Map<Integer, Integer>>> pieceLinks = new HashMap<>(); // source -> piece -> source piece -> count
        for (int p = 0; p < keys.length; p++) {
            Fingerprints.Kept kept = Fingerprints.of(keys[p]);
            boolean[] stockAt = new boolean[kept.size()];
            Map<Integer, boolean[]> sharedAt = new HashMap<>(); // source -> which kept fingerprints it shares
            for (int i = 0; i < kept.size(); i++) {
                long base = entry(kept.hashes()[i], 0, 0);
                int from = lowerBound(base);
                int to = lowerBound(base + LOW_MASK + 1);
                if (countTexts(from, to) > stock) {
                    stockAt[i] = true;
                    continue;
                }
                for (int e = from; e < to; e++) {
                    int s = docOf(entries[e]);
                    if (doc.mayCopyFrom(docs.get(s))) {
                        sharedAt.computeIfAbsent(s, k -> new boolean[kept.size()])[i] = true;
                        pieceLinks.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(p, k -> new HashMap<>())
                                .merge(pieceOf(entries[e]), 1, Integer::sum);
                    }
                }
            }
            int start = offsets[p];
            int length = keys[p].length();
            cover(stockText, start, length, kept, stockAt);
            sharedAt.forEach((source, at) -> {
                cover(any, start, length, kept, at);
                cover(bySource.computeIfAbsent(source, k -> new BitSet()), start, length, kept, at);
            });
        }
        stockText.andNot(any);
        // stock phrases are neither copied text nor the report's own: they leave the denominator
        double total = Math.max(1, offsets[keys.length] - stockText.cardinality());
        List<Source> sources = new ArrayList<>();
        bySource.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<Integer, BitSet> e) -> e.getValue().cardinality()).reversed())
                .limit(maxSources)
                .forEach(e -> sources.add(source(doc, fetch.apply(docs.get(e.getKey()).id()), e.getValue().cardinality() / total,
                        pieceLinks.get(e.getKey()))));
        return new CopyCheck(doc.id(), doc.title(), YearCompare.round(any.cardinality() / total), sources);
    }

    /**
     * Marks the text a run of marked fingerprints stands for: each covers its K characters, two
     * marked neighbours the text between them, and a marked first or last one the start or end of
     * the passage it is the first or last fingerprint of (winnowing keeps one in every W runs, so
     * what lies before the first kept run is part of the same shared text).
     */
    private static void cover(BitSet bits, int start, int length, Fingerprints.Kept kept, boolean[] marked) {
        for (int i = 0; i < kept.size(); i++) {
            if (!marked[i]) {
                continue;
            }
            int from = i == 0 ? 0 : kept.positions()[i];
            int to = i == kept.size() - 1 ? length
                    : marked[i + 1] ? kept.positions()[i + 1] : kept.positions()[i] + Fingerprints.K;
            bits.set(start + from, start + Math.min(length, Math.max(to, kept.positions()[i] + Fingerprints.K)));
        }
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
