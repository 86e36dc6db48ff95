package cn.reportarchive.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A small deterministic random source (SplitMix64), written out here so that the same seed gives
 * the same archive on every JDK. {@link #fork} derives an independent stream for a named part
 * (a unit, a year, a format choice), so that one part's draws never shift another's.
 */
public final class Rng {
    private long state;

    public Rng(long seed) {
        this.state = mix(seed ^ 0x9E3779B97F4A7C15L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** A new stream for a part named by the given numbers; this stream is not advanced. */
    public Rng fork(long... path) {
        long s = state;
        for (long p : path) {
            s = mix(s ^ mix(p + 0x632BE59BD9B4E019L));
        }
        return new Rng(s);
    }

    /** A new stream for a part named by a word and numbers. */
    public Rng fork(String name, long... path) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        long[] all = new long[path.length + 1];
        all[0] = h;
        System.arraycopy(path, 0, all, 1, path.length);
        return fork(all);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound " + bound);
        }
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    /** Uniform in [lo, hi], both included. */
    public int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean chance(double p) {
        return nextDouble() < p;
    }

    public <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    public <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    /** An index drawn with the given weights. */
    public int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    public <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }

    /** k distinct items in random order (all of them when k is larger). */
    public <T> List<T> sample(List<T> items, int k) {
        List<T> s = shuffled(items);
        return new ArrayList<>(s.subList(0, Math.min(k, s.size())));
    }
}
