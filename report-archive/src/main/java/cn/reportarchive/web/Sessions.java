package cn.reportarchive.web;

import cn.reportarchive.auth.Account;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory (a restart signs everyone out). A session is a random 256-bit
 * token in a cookie; it ends after a time without requests, and in any case twelve hours after
 * sign-in. Each session has its own CSRF token, which pages send back in a header. A session
 * belongs to an account's id, never to its name: an account removed and created again under the
 * same name does not inherit the old account's sessions.
 */
final class Sessions {
    static final Duration MAX_AGE = Duration.ofHours(12);

    record Session(String token, String accountId, String user, long generation, String csrf, Instant created, Instant lastSeen) {
    }

    private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idle;
    private final Clock clock;

    Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    Session open(Account account) {
        Instant now = clock.instant();
        byToken.values().removeIf(s -> expired(s, now));
        Session s = new Session(token(), account.id(), account.name(), account.generation(), token(), now, now);
        byToken.put(s.token(), s);
        return s;
    }

    /** The live session of this token, its inactivity clock restarted; empty when unknown or expired. */
    Optional<Session> touch(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = byToken.computeIfPresent(token, (t, old) -> expired(old, now) ? null
                : new Session(old.token(), old.accountId(), old.user(), old.generation(), old.csrf(), old.created(), now));
        return Optional.ofNullable(s);
    }

    void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    Duration idle() {
        return idle;
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(MAX_AGE));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
