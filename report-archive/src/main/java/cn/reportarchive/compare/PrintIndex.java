package cn.reportarchive.compare;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Which texts hold a fingerprint: one sorted array of longs (34 bits of hash, 20 bits of text
 * number, 10 bits of passage number), kept in a file and memory-mapped, so that the heap holds
 * none of it whatever the archive's size; texts added since the file was written sit in a small
 * sorted array beside it and texts removed since in a bit set, until the next {@link #write}.
 * A lookup is a binary search in each (a few microseconds); the file is written once, by sorting
 * on its 16 highest bits into buckets and each bucket on the heap.
 */
final class PrintIndex {
    static final int PIECE_BITS = 10;
    static final int DOC_BITS = 20;
    static final long LOW_MASK = (1L << (PIECE_BITS + DOC_BITS)) - 1;
    static final int MAX_DOCS = 1 << DOC_BITS;
    private static final int SEGMENT_LONGS = 1 << 27; // 1 GB per mapping
    private static final int BUCKET_BITS = 16;

    private final LongBuffer[] base;
    private final long baseSize;
    private static final int RECENT_MAX = 1 << 18;
    /** Replaced whole on each change (copy on write), so lookups on other threads need no lock. */
    private volatile long[] delta = new long[0];
    private volatile long[] recent = new long[0];
    private volatile BitSet removed = new BitSet();

    private PrintIndex(LongBuffer[] base, long baseSize) {
        this.base = base;
        this.baseSize = baseSize;
    }

    static PrintIndex empty() {
        return new PrintIndex(new LongBuffer[0], 0);
    }

    /** The index of a written file; an absent file is an empty index. */
    static PrintIndex open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long longs = ch.size() / 8;
            int segments = (int) ((longs + SEGMENT_LONGS - 1) / SEGMENT_LONGS);
            LongBuffer[] parts = new LongBuffer[segments];
            for (int s = 0; s < segments; s++) {
                long from = (long) s * SEGMENT_LONGS;
                long n = Math.min(SEGMENT_LONGS, longs - from);
                MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, from * 8, n * 8);
                parts[s] = m.order(ByteOrder.nativeOrder()).asLongBuffer();
            }
            return new PrintIndex(parts, longs);
        }
    }

    /** Fingerprints of one text, without its number: (hash, passage) entries as {@link #entry} makes them. */
    interface Source {
        void forEach(TextConsumer each) throws IOException;
    }

    interface TextConsumer {
        void accept(int doc, long[] entries) throws IOException;
    }

    /**
     * Writes the sorted file of these texts' fingerprints (given twice: once to count, once to
     * place), replacing {@code file} whole (written beside it first, then moved over it).
     */
    static long write(Path file, Source texts) throws IOException {
        long[] counts = new long[1 << BUCKET_BITS];
        long[] total = new long[1];
        texts.forEach((doc, entries) -> {
            for (long e : entries) {
                counts[bucket(e)]++;
            }
            total[0] += entries.length;
        });
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long longs = total[0];
            MappedByteBuffer[] maps = map(ch, longs);
            LongBuffer[] parts = new LongBuffer[maps.length];
            for (int s = 0; s < maps.length; s++) {
                parts[s] = maps[s].order(ByteOrder.nativeOrder()).asLongBuffer();
            }
            long[] next = new long[counts.length];
            long at = 0;
            for (int b = 0; b < counts.length; b++) {
                next[b] = at;
                at += counts[b];
            }
            long[] starts = next.clone();
            texts.forEach((doc, entries) -> {
                for (long e : entries) {
                    int b = bucket(e);
                    put(parts, next[b]++, e | ((long) doc << PIECE_BITS));
                }
            });
            long[] buffer = new long[0];
            for (int b = 0; b < counts.length; b++) {
                int n = Math.toIntExact(counts[b]);
                if (n < 2) {
                    continue;
                }
                if (buffer.length < n) {
                    buffer = new long[Math.max(n, buffer.length * 2)];
                }
                for (int i = 0; i < n; i++) {
                    buffer[i] = get(parts, starts[b] + i);
                }
                Arrays.sort(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    put(parts, starts[b] + i, buffer[i]);
                }
            }
            for (MappedByteBuffer m : maps) {
                m.force(); // the file is whole before it replaces the old one
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return total[0];
    }

    private static MappedByteBuffer[] map(FileChannel ch, long longs) throws IOException {
        int segments = (int) Math.max(1, (longs + SEGMENT_LONGS - 1) / SEGMENT_LONGS);
        MappedByteBuffer[] maps = new MappedByteBuffer[segments];
        for (int s = 0; s < segments; s++) {
            long from = (long) s * SEGMENT_LONGS;
            long n = Math.max(0, Math.min(SEGMENT_LONGS, longs - from));
            maps[s] = ch.map(FileChannel.MapMode.READ_WRITE, from * 8, n * 8);
        }
        return maps;
    }

    /** Buckets in the order Java sorts longs (signed): the sign bit flipped. */
    private static int bucket(long e) {
        return (int) ((e >>> (64 - BUCKET_BITS)) ^ (1 << (BUCKET_BITS - 1)));
    }

    private static long get(LongBuffer[] parts, long i) {
        return parts[(int) (i >>> 27)].get((int) (i & (SEGMENT_LONGS - 1)));
    }

    private static void put(LongBuffer[] parts, long i, long v) {
        parts[(int) (i >>> 27)].put((int) (i & (SEGMENT_LONGS - 1)), v);
    }

    static long entry(long hash, int piece) {
        return ((hash >>> (PIECE_BITS + DOC_BITS)) << (PIECE_BITS + DOC_BITS)) | Math.min(piece, (1 << PIECE_BITS) - 1);
    }

    static long hashOf(long entry) {
        return entry & ~LOW_MASK;
    }

    static int docOf(long entry) {
        return (int) ((entry >>> PIECE_BITS) & (MAX_DOCS - 1));
    }

    static int pieceOf(long entry) {
        return (int) (entry & ((1 << PIECE_BITS) - 1));
    }

    /** Adds a text written after the file (its number not in the file). */
    synchronized void add(int doc, long[] entries) {
        long[] mine = new long[entries.length];
        for (int i = 0; i < entries.length; i++) {
            mine[i] = entries[i] | ((long) doc << PIECE_BITS);
        }
        Arrays.sort(mine);
        // two levels: the recent texts merged at each add (small), into the rest now and then
        long[] r = merge(recent, mine);
        if (r.length > RECENT_MAX) {
            delta = merge(delta, r);
            r = EMPTY;
        }
        recent = r;
        if (removed.get(doc)) {
            BitSet b = (BitSet) removed.clone();
            b.clear(doc);
            removed = b;
        }
    }

    private static long[] merge(long[] a, long[] b) {
        long[] merged = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            merged[k++] = j >= b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
        }
        return merged;
    }

    /** Adds many texts written after the file at once (one sort, not one merge per text): what loading does. */
    synchronized void addAll(java.util.List<int[]> docs, java.util.List<long[]> entries) {
        long total = 0;
        for (long[] e : entries) {
            total += e.length;
        }
        long[] all = new long[Math.toIntExact(total)];
        int k = 0;
        BitSet b = (BitSet) removed.clone();
        for (int t = 0; t < entries.size(); t++) {
            int doc = docs.get(t)[0];
            for (long e : entries.get(t)) {
                all[k++] = e | ((long) doc << PIECE_BITS);
            }
            b.clear(doc);
        }
        Arrays.sort(all);
        delta = merge(merge(delta, recent), all);
        recent = EMPTY;
        removed = b;
    }

    /** Leaves a text out of every lookup from now on. */
    synchronized void remove(int doc) {
        BitSet b = (BitSet) removed.clone();
        b.set(doc);
        removed = b;
    }

    /** The entries of every text now indexed holding this fingerprint (hash bits only). */
    long[] holders(long hash) {
        long lo = hashOf(hash);
        long hi = lo + LOW_MASK + 1;
        boolean top = hi == Long.MIN_VALUE; // the largest hashes: no upper bound
        long[] d = delta;
        long[] r = recent;
        BitSet gone = removed;
        long from = lowerBound(lo);
        long to = top ? baseSize : lowerBound(hi);
        int dFrom = lowerBound(d, lo);
        int dTo = top ? d.length : lowerBound(d, hi);
        int rFrom = lowerBound(r, lo);
        int rTo = top ? r.length : lowerBound(r, hi);
        long n = (to - from) + (dTo - dFrom) + (rTo - rFrom);
        if (n == 0) {
            return EMPTY;
        }
        long[] out = new long[Math.toIntExact(n)];
        int k = 0;
        for (long i = from; i < to; i++) {
            long e = get(base, i);
            if (!gone.get(docOf(e))) {
                out[k++] = e;
            }
        }
        for (int i = dFrom; i < dTo; i++) {
            if (!gone.get(docOf(d[i]))) {
                out[k++] = d[i];
            }
        }
        for (int i = rFrom; i < rTo; i++) {
            if (!gone.get(docOf(r[i]))) {
                out[k++] = r[i];
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private static final long[] EMPTY = new long[0];

    /** Entries in the file and beside it. */
    long size() {
        return baseSize + delta.length + recent.length;
    }

    int deltaSize() {
        return delta.length + recent.length;
    }

    /** Visits the file's entries in order (hash bits, then text, then passage). */
    void forEachInFile(java.util.function.LongConsumer each) {
        for (long i = 0; i < baseSize; i++) {
            each.accept(get(base, i));
        }
    }

    private long lowerBound(long value) {
        // signed order: the file is sorted as Java sorts longs
        long lo = 0;
        long hi = baseSize;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (get(base, mid) < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerBound(long[] a, long value) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
