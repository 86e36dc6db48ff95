package cn.reportarchive.web;

import java.time.Duration;

/** At most perName failed logins for one user name, and perAddress from one client address, within the window. */
public record LoginLimits(int perName, int perAddress, Duration window) {
    public static final LoginLimits DEFAULT = new LoginLimits(5, 20, Duration.ofMinutes(15));
}
