package cn.reportarchive.web;

import java.time.Duration;

/**
 * Within the window: at most perName login attempts that fail for one user name from one client
 * address, perAddress from one address whatever the names, and perNameEverywhere for one name from
 * all addresses together (a guesser spread over many addresses). A name is locked for one address
 * first: five wrong passwords typed at one desk do not lock the admin out of every other desk.
 */
public record LoginLimits(int perName, int perAddress, int perNameEverywhere, Duration window) {
    public static final LoginLimits DEFAULT = new LoginLimits(5, 20, 50, Duration.ofMinutes(15));

    /** perNameEverywhere ten times perName. */
    public LoginLimits(int perName, int perAddress, Duration window) {
        this(perName, perAddress, perName * 10, window);
    }
}
