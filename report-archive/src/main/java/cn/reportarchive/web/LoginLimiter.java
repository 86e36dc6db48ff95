package cn.reportarchive.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Login attempts counted over a sliding window, per user name from one address, per address and
 * per name from everywhere ({@link LoginLimits}).
 *
 * <p>An attempt is counted when it starts, before its password is hashed, in one synchronized step
 * with the check: forty guesses sent at the same moment are forty attempts, and those beyond the
 * limit are refused at once without hashing (the review's 40 parallel guesses all got through when
 * the count was taken after the 0.3 s hash). A login that then succeeds takes its attempt back and
 * clears the name's failures from that address; one that fails leaves it counted.
 */
final class LoginLimiter {
    /** Beyond this many keys tracked, those without a recent attempt are dropped. */
    private static final int MAX_KEYS = 10_000;

    /**
     * An attempt: refused for a positive duration (nothing counted then), or counted at that
     * instant; hand a counted one back to {@link #succeeded} when the password was right.
     */
    record Attempt(String name, String address, Instant at, Duration refusedFor) {
        boolean refused() {
            return refusedFor.compareTo(Duration.ZERO) > 0;
        }
    }

    private final LoginLimits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byNameAndAddress = new HashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();
    private final Map<String, Deque<Instant>> byName = new HashMap<>();

    LoginLimiter(LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts an attempt and lets it go on, or refuses it at once (see {@link Attempt}). */
    synchronized Attempt begin(String name, String address) {
        Instant now = clock.instant();
        Duration wait = longest(List.of(
                wait(byNameAndAddress, pair(name, address), limits.perName(), now),
                wait(byAddress, key(address), limits.perAddress(), now),
                wait(byName, key(name), limits.perNameEverywhere(), now)));
        if (wait.compareTo(Duration.ZERO) > 0) {
            return new Attempt(name, address, now, wait);
        }
        add(byNameAndAddress, pair(name, address), now);
        add(byAddress, key(address), now);
        add(byName, key(name), now);
        return new Attempt(name, address, now, Duration.ZERO);
    }

    /** The attempt was right: it no longer counts, nor do the name's earlier failures from that address. */
    synchronized void succeeded(Attempt attempt) {
        byNameAndAddress.remove(pair(attempt.name(), attempt.address()));
        Deque<Instant> a = byAddress.get(key(attempt.address()));
        if (a != null) {
            a.removeLastOccurrence(attempt.at());
        }
        Deque<Instant> n = byName.get(key(attempt.name()));
        if (n != null) {
            n.removeLastOccurrence(attempt.at());
        }
    }

    /** An admin lifts the lock of a name, from every address. */
    synchronized void unlock(String name) {
        String prefix = key(name) + "\u0000";
        byNameAndAddress.keySet().removeIf(k -> k.startsWith(prefix));
        byName.remove(key(name));
    }

    /** Whether the name is refused from somewhere, or everywhere; for the users page. */
    synchronized boolean locked(String name) {
        Instant now = clock.instant();
        if (!wait(byName, key(name), limits.perNameEverywhere(), now).isZero()) {
            return true;
        }
        String prefix = key(name) + "\u0000";
        for (String k : List.copyOf(byNameAndAddress.keySet())) {
            if (k.startsWith(prefix) && !wait(byNameAndAddress, k, limits.perName(), now).isZero()) {
                return true;
            }
        }
        return false;
    }

    private static Duration longest(List<Duration> waits) {
        Duration max = Duration.ZERO;
        for (Duration d : waits) {
            if (d.compareTo(max) > 0) {
                max = d;
            }
        }
        return max;
    }

    private Duration wait(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
        Deque<Instant> attempts = map.get(key);
        if (attempts == null) {
            return Duration.ZERO;
        }
        while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(now.minus(limits.window()))) {
            attempts.removeFirst();
        }
        if (attempts.size() < limit) {
            return Duration.ZERO;
        }
        // refused until enough attempts have left the window to fall below the limit
        Instant freed = attempts.stream().skip(attempts.size() - limit).findFirst().orElseThrow().plus(limits.window());
        Duration d = Duration.between(now, freed);
        return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }

    private void add(Map<String, Deque<Instant>> map, String key, Instant now) {
        if (map.size() >= MAX_KEYS) {
            map.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(now.minus(limits.window())));
        }
        map.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }

    private static String key(String s) {
        return s == null ? "" : s;
    }

    private static String pair(String name, String address) {
        return key(name) + "\u0000" + key(address);
    }
}
