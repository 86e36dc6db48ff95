package cn.reportarchive.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed logins counted per user name and per client address over a sliding window. Past the
 * limit of either, logins for that name or from that address are refused (even with the right
 * password) until the oldest failure of the window has aged out; a refused attempt costs no
 * password hashing. A successful login clears its name's count.
 */
final class LoginLimiter {
    /** Beyond this many names or addresses tracked, those without a recent failure are dropped. */
    private static final int MAX_KEYS = 10_000;

    private final LoginLimits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byName = new HashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();

    LoginLimiter(LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long logins for this name or from this address are still refused; zero when they are not. */
    synchronized Duration blockedFor(String name, String address) {
        Instant now = clock.instant();
        Duration a = wait(byName, name, limits.perName(), now);
        Duration b = wait(byAddress, address, limits.perAddress(), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    synchronized void failed(String name, String address) {
        Instant now = clock.instant();
        add(byName, name, now);
        add(byAddress, address, now);
    }

    synchronized void succeeded(String name) {
        byName.remove(name);
    }

    private Duration wait(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
        Deque<Instant> failures = recent(map, key, now);
        if (failures == null || failures.size() < limit) {
            return Duration.ZERO;
        }
        // refused until enough failures have left the window to fall below the limit
        Instant freed = failures.stream().skip(failures.size() - limit).findFirst().orElseThrow().plus(limits.window());
        return Duration.between(now, freed);
    }

    private void add(Map<String, Deque<Instant>> map, String key, Instant now) {
        if (map.size() >= MAX_KEYS) {
            map.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(now.minus(limits.window())));
        }
        map.computeIfAbsent(key == null ? "" : key, k -> new ArrayDeque<>()).addLast(now);
    }

    private Deque<Instant> recent(Map<String, Deque<Instant>> map, String key, Instant now) {
        Deque<Instant> failures = map.get(key == null ? "" : key);
        if (failures != null) {
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(limits.window()))) {
                failures.removeFirst();
            }
        }
        return failures;
    }
}
