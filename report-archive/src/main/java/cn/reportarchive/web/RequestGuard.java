package cn.reportarchive.web;

import java.net.URI;
import java.util.Locale;

/**
 * Two checks a local server needs against web pages the user happens to visit. A server bound to
 * loopback answers only requests addressed to a loopback name (a page that rebinds its own DNS
 * name to 127.0.0.1 cannot read the archive), and a request that changes something must not come
 * from another site's page (a form posted across sites would plant or delete reports).
 */
public final class RequestGuard {
    private RequestGuard() {
    }

    static void check(String hostHeader, String origin, String method, String boundHost) {
        if (isLoopback(boundHost) && hostHeader != null && !isLoopback(hostName(hostHeader))) {
            throw new ApiError(403, "只接受发往本机地址（127.0.0.1 或 localhost）的请求。");
        }
        if (changes(method) && origin != null && !origin.equals("null") && hostHeader != null
                && !hostHeader.equalsIgnoreCase(authority(origin))) {
            throw new ApiError(403, "拒绝来自其他网站页面的修改请求。");
        }
    }

    /**
     * Whether a request of this method may change something (so needs a same-site Origin, and a session's
     * CSRF token): every method but the three that only read. The one answer for the guard and for Auth.
     */
    static boolean changes(String method) {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** Headers some frameworks take as the method of a request; none is honoured, any is refused. */
    private static final java.util.List<String> METHOD_OVERRIDES = java.util.List.of(
            "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    /**
     * A method override would turn a GET, which needs no Origin or token, into a DELETE: refused.
     * HEAD on the API would answer without running the handler (so unaudited and unchecked): refused.
     */
    static void checkMethod(String method, String path, java.util.function.Function<String, String> header) {
        for (String h : METHOD_OVERRIDES) {
            if (header.apply(h) != null) {
                throw new ApiError(400, "不接受改写请求方法的请求头（" + h + "）。");
            }
        }
        if (method.equals("HEAD") && path.startsWith("/api/")) {
            throw new ApiError(405, "接口不支持 HEAD 方法，请用 GET。");
        }
    }

    /**
     * localhost, an IPv4 address of 127.0.0.0/8 written as one (four decimal parts, each 0–255), or
     * ::1. Nothing that merely starts like one: {@code 127.0.0.1.attacker.example} is a DNS name an
     * attacker controls and may rebind.
     */
    public static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.equals("0:0:0:0:0:0:0:1")
                || loopbackIpv4(h);
    }

    private static boolean loopbackIpv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return parts[0].equals("127");
    }

    /**
     * While no account exists, a change must say where it comes from, and from here: a sandboxed
     * frame or a data: URL sends {@code Origin: null}, and an old or odd client none, and the open
     * archive has no session token to stop them. The pages' own requests always carry their origin.
     */
    static void checkOpenWrite(String hostHeader, String origin, String method) {
        if (changes(method) && (origin == null || origin.equals("null") || hostHeader == null
                || !hostHeader.equalsIgnoreCase(authority(origin)))) {
            throw new ApiError(403, "未设置账户时，只接受本档案库网页发出的修改请求（请求缺少或带有无效的 Origin）。");
        }
    }

    /** The host of a Host header without its port ([::1]:7070 → ::1). */
    static String hostName(String hostHeader) {
        String h = hostHeader.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h;
        }
        int colon = h.lastIndexOf(':');
        return colon > 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
    }

    private static String authority(String origin) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
