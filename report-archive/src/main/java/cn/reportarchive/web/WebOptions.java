package cn.reportarchive.web;

import java.time.Clock;
import java.time.Duration;

/**
 * How the server treats sessions and failed logins: the inactivity after which a session ends, the
 * clock (tests move it instead of sleeping; its zone is the one dates in the audit page mean), and
 * the login limits.
 */
public record WebOptions(Duration sessionTimeout, Clock clock, LoginLimits loginLimits) {
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);

    public WebOptions {
        if (sessionTimeout == null || sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("the session timeout must be positive");
        }
    }

    public static WebOptions defaults() {
        return new WebOptions(DEFAULT_SESSION_TIMEOUT, Clock.systemDefaultZone(), LoginLimits.DEFAULT);
    }

    public WebOptions withSessionTimeout(Duration timeout) {
        return new WebOptions(timeout, clock, loginLimits);
    }

    public WebOptions withClock(Clock newClock) {
        return new WebOptions(sessionTimeout, newClock, loginLimits);
    }

    public WebOptions withLoginLimits(LoginLimits limits) {
        return new WebOptions(sessionTimeout, clock, limits);
    }
}
