package cn.reportarchive.compare;

import cn.reportarchive.compare.CopyCheck.SharedPassage;
import cn.reportarchive.compare.CopyCheck.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The copy check over the fingerprints of every placed text of the archive and of the templates
 * ({@link PrintIndex}), weighed by a {@link WeightSnapshot}: a text's own wording is its
 * fingerprints that were not stock phrases in the snapshot, and the share one text took from
 * another is the part of its own wording the other holds. That one figure, computed by
 * {@link #share}, is what the archive-wide list and a report's 查重 both print; it depends on the
 * two texts and the snapshot alone, so it does not move when an unrelated report arrives.
 */
public final class CopyIndex {
    private final PrintIndex prints;
    private final WeightSnapshot snapshot;
    private final List<Text> texts = new ArrayList<>(); // by number; null once removed
    private final Map<String, Integer> byId = new HashMap<>();

    /** What the check knows of an indexed text beside its fingerprints. */
    public record Text(String id, String unit, String author, Integer year, boolean template, int own) {
        boolean sameAuthor(Text o) {
            return Objects.equals(unit, o.unit) && Objects.equals(author, o.author);
        }

        /** Whether {@code other} may be what this one was copied from (one's own earlier years count, later ones cannot). */
        boolean mayCopyFrom(Text other) {
            if (other.id.equals(id)) {
                return false;
            }
            if (other.template || template) {
                return other.template && !template;
            }
            return !sameAuthor(other) || other.year != null && year != null && other.year < year;
        }
    }

    /** A text's fingerprints, ready to be indexed: (hash, passage) entries and the text's particulars. */
    public record Prints(CopyDoc doc, long[] entries) {
    }

    /** One listed pair, as stored: {@code copy} took {@code share} of its own wording from {@code source}. */
    public record PairRow(String copy, String source, double share, boolean template) {
    }

    CopyIndex(PrintIndex prints, WeightSnapshot snapshot) {
        this.prints = prints;
        this.snapshot = snapshot;
    }

    /** Fingerprints a text; the result keeps no text. */
    public static Prints prints(CopyDoc doc) {
        List<CopyDoc.Piece> pieces = doc.pieces();
        long[][] perPiece = new long[pieces.size()][];
        int total = 0;
        for (int p = 0; p < pieces.size(); p++) {
            Fingerprints.Kept kept = Fingerprints.of(TextKey.of(pieces.get(p).text()));
            perPiece[p] = new long[kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                perPiece[p][i] = PrintIndex.entry(kept.hashes()[i], p);
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

    /**
     * An index of these texts alone, on the heap, with a snapshot taken over them (stock phrases:
     * held by more texts than {@link WeightSnapshot#stockLimit}): what the store builds, without the
     * store, for measuring the check on a set of texts.
     */
    static CopyIndex of(List<Prints> texts) {
        Map<Long, java.util.Set<String>> holders = new HashMap<>();
        int reports = 0;
        for (Prints p : texts) {
            if (!p.doc().template()) {
                reports++;
                for (long e : p.entries()) {
                    holders.computeIfAbsent(PrintIndex.hashOf(e), k -> new java.util.HashSet<>()).add(p.doc().id());
                }
            }
        }
        int limit = WeightSnapshot.stockLimit(reports);
        long[] stock = holders.entrySet().stream().filter(e -> e.getValue().size() > limit).mapToLong(Map.Entry::getKey).sorted().toArray();
        CopyIndex index = new CopyIndex(PrintIndex.empty(), new WeightSnapshot("", reports, stock, new int[0], new int[0], 1));
        for (Prints p : texts) {
            CopyDoc d = p.doc();
            index.register(new Text(d.id(), d.unit(), d.author(), d.year(), d.template(), index.own(p.entries()).length), p.entries(), false);
        }
        return index;
    }

    /** Every pair of the indexed texts (each found from both sides, listed once), most shared first. */
    List<PairRow> allPairs(List<Prints> texts, double minShare) {
        Map<String, PairRow> out = new java.util.TreeMap<>();
        for (Prints p : texts) {
            for (PairRow r : pairsOf(p.doc().id(), own(p.entries()), minShare)) {
                out.put(r.copy() + " " + r.source(), r);
            }
        }
        List<PairRow> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparingDouble(PairRow::share).reversed().thenComparing(PairRow::copy).thenComparing(PairRow::source));
        return list;
    }

    /** The one rounding of a share: of a text's own fingerprints, those the other holds. */
    static double share(int shared, int own) {
        return YearCompare.round(Math.min(1.0, shared / (double) Math.max(1, own)));
    }

    /** The distinct fingerprints of these entries that were not stock phrases in the snapshot: a text's own wording. */
    long[] own(long[] entries) {
        long[] hashes = new long[entries.length];
        int n = 0;
        for (long e : entries) {
            hashes[n++] = PrintIndex.hashOf(e);
        }
        Arrays.sort(hashes, 0, n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if ((k == 0 || hashes[k - 1] != hashes[i]) && !snapshot.isStock(hashes[i])) {
                hashes[k++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, k);
    }

    WeightSnapshot snapshot() {
        return snapshot;
    }

    /** Registers a text under the next number (its fingerprints in the file already when {@code inFile}). */
    synchronized int register(Text text, long[] entries, boolean inFile) {
        int doc = texts.size();
        if (doc >= PrintIndex.MAX_DOCS) {
            throw new IllegalStateException("too many texts for one copy index: " + doc);
        }
        texts.add(text);
        byId.put(text.id(), doc);
        if (!inFile) {
            prints.add(doc, entries);
        }
        return doc;
    }

    /** Registers texts outside the file, their fingerprints added in one go. */
    synchronized void registerAll(List<Text> outside, List<long[]> entries) {
        List<int[]> docs = new ArrayList<>();
        for (Text t : outside) {
            int doc = texts.size();
            if (doc >= PrintIndex.MAX_DOCS) {
                throw new IllegalStateException("too many texts for one copy index: " + doc);
            }
            texts.add(t);
            byId.put(t.id(), doc);
            docs.add(new int[] {doc});
        }
        prints.addAll(docs, entries);
    }

    /** Takes up a number of the file whose text is gone (deleted or changed since the file was written). */
    synchronized void registerGone(int doc) {
        while (texts.size() <= doc) {
            texts.add(null);
        }
        prints.remove(doc);
    }

    synchronized void remove(String id) {
        Integer doc = byId.remove(id);
        if (doc != null) {
            texts.set(doc, null);
            prints.remove(doc);
        }
    }

    synchronized boolean contains(String id) {
        return byId.containsKey(id);
    }

    public synchronized int size() {
        return byId.size();
    }

    public long fingerprints() {
        return prints.size();
    }

    long outsideFile() {
        return prints.deltaSize();
    }

    /** Texts numbered but gone: what a rewrite of the file would drop. */
    synchronized int removed() {
        return texts.size() - byId.size();
    }

    private synchronized Text text(int doc) {
        return doc < texts.size() ? texts.get(doc) : null;
    }

    /**
     * The pairs an indexed text makes with the others (texts of different authors, or a text and a
     * template), where the copy's share reaches {@code minShare}. The copy of a pair is the one a
     * template or an earlier year points to, else the one more of whose own wording is shared.
     * {@code own}: the text's own fingerprints ({@link #own}).
     */
    List<PairRow> pairsOf(String id, long[] own, double minShare) {
        Integer d;
        synchronized (this) {
            d = byId.get(id);
        }
        if (d == null) {
            return List.of();
        }
        Text me = text(d);
        Map<Integer, long[]> shared = sharedCounts(d, own);
        List<PairRow> out = new ArrayList<>();
        shared.forEach((s, count) -> {
            Text other = text(s);
            if (other == null || me.template() && other.template() || !me.template() && !other.template() && me.sameAuthor(other)) {
                return;
            }
            double shareMe = share((int) count[0], me.own());
            double shareOther = share((int) count[0], other.own());
            boolean meIsCopy;
            if (me.template() || other.template()) {
                meIsCopy = other.template();
            } else if (me.year() != null && other.year() != null && !me.year().equals(other.year())) {
                meIsCopy = me.year() > other.year();
            } else {
                meIsCopy = shareMe > shareOther || shareMe == shareOther && me.id().compareTo(other.id()) < 0;
            }
            double s2 = meIsCopy ? shareMe : shareOther;
            if (s2 >= minShare) {
                out.add(meIsCopy ? new PairRow(me.id(), other.id(), s2, other.template())
                        : new PairRow(other.id(), me.id(), s2, me.template()));
            }
        });
        return out;
    }

    /** For each other text, how many of these fingerprints it holds (each counted once per text). */
    private Map<Integer, long[]> sharedCounts(int self, long[] own) {
        Map<Integer, long[]> counts = new HashMap<>();
        for (long h : own) {
            long[] holders = prints.holders(h);
            int last = -1;
            for (long e : holders) {
                int s = PrintIndex.docOf(e);
                if (s != self && s != last) {
                    counts.computeIfAbsent(s, k -> new long[1])[0]++;
                }
                last = s;
            }
        }
        return counts;
    }

    /**
     * The share of a text's own wording found in the other texts, and where, most first: each
     * source's share is {@link #share} of what it holds, the figure the archive-wide list prints for
     * the pair. {@code fetch} gives a source's passages by id, to show them side by side.
     */
    CopyCheck check(CopyDoc doc, long[] entries, Function<String, CopyDoc> fetch, int maxSources) {
        Text me = new Text(doc.id(), doc.unit(), doc.author(), doc.year(), doc.template(), 0);
        long[] own = own(entries);
        Map<Long, List<Integer>> piecesOf = new HashMap<>();
        for (long e : entries) {
            piecesOf.computeIfAbsent(PrintIndex.hashOf(e), k -> new ArrayList<>(1)).add(PrintIndex.pieceOf(e));
        }
        Map<Integer, int[]> bySource = new HashMap<>();
        Map<Integer, Map<Integer, Map<Integer, Integer>>> pieceLinks = new HashMap<>(); // source -> piece -> source piece -> count
        int any = 0;
        for (long h : own) {
            boolean found = false;
            int last = -1;
            for (long e : prints.holders(h)) {
                int s = PrintIndex.docOf(e);
                Text other = text(s);
                if (other == null || !me.mayCopyFrom(other)) {
                    continue;
                }
                found = true;
                if (s != last) {
                    bySource.computeIfAbsent(s, k -> new int[1])[0]++;
                }
                last = s;
                for (int piece : piecesOf.get(h)) {
                    pieceLinks.computeIfAbsent(s, k -> new HashMap<>()).computeIfAbsent(piece, k -> new HashMap<>())
                            .merge(PrintIndex.pieceOf(e), 1, Integer::sum);
                }
            }
            if (found) {
                any++;
            }
        }
        // most shared first, ids breaking ties: each source's text looked up once (a text's boilerplate is
        // held by thousands of others, and a comparison that looked it up for every tie was half of a 查重)
        record Held(int doc, Text text, int count) {
        }
        List<Held> held = new ArrayList<>(bySource.size());
        bySource.forEach((d, count) -> held.add(new Held(d, text(d), count[0])));
        held.sort(Comparator.comparingInt(Held::count).reversed().thenComparing(h -> h.text().id()));
        List<Source> sources = new ArrayList<>();
        for (Held h : held.subList(0, Math.min(maxSources, held.size()))) {
            CopyDoc src = fetch.apply(h.text().id());
            sources.add(source(doc, h.text(), src, share(h.count(), own.length), pieceLinks.get(h.doc())));
        }
        return new CopyCheck(doc.id(), doc.title(), doc.unit(), doc.author(), doc.year(), share(any, own.length), sources);
    }

    private static Source source(CopyDoc doc, Text t, CopyDoc src, double share, Map<Integer, Map<Integer, Integer>> links) {
        List<SharedPassage> passages = new ArrayList<>();
        if (src != null && !src.pieces().isEmpty()) {
            new java.util.TreeMap<>(links).forEach((piece, counts) -> {
                int best = counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
                if (piece >= doc.pieces().size()) {
                    return;
                }
                CopyDoc.Piece mine = doc.pieces().get(piece);
                CopyDoc.Piece theirs = src.pieces().get(Math.min(best, src.pieces().size() - 1));
                passages.add(new SharedPassage(mine.ref(), mine.text(), theirs.ref(), theirs.text(),
                        SharedRuns.of(mine.text(), theirs.text(), 6, 4)));
            });
        }
        String title = src != null ? src.title() : null;
        return new Source(t.id(), t.unit(), t.author(), t.year(), title, t.template(), share, passages);
    }
}
