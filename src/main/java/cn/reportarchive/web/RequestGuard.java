package cn.reportarchive.web;

import java.net.URI;
import java.util.Locale;

/**
 * Two checks a local server needs against web pages the user happens to visit. A server bound to
 * loopback answers only requests addressed to a loopback name (a page that rebinds its own DNS
 * name to 127.0.0.1 cannot read the archive), and a request that changes something must not come
 * from another site's page (a form posted across sites would plant or delete reports).
 */
final class RequestGuard {
    private RequestGuard() {
    }

    static void check(String hostHeader, String origin, String method, String boundHost) {
        if (isLoopback(boundHost) && hostHeader != null && !isLoopback(hostName(hostHeader))) {
            throw new ApiError(403, "只接受发往本机地址（127.0.0.1 或 localhost）的请求。");
        }
        boolean changes = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        if (changes && origin != null && !origin.equals("null") && hostHeader != null
                && !hostHeader.equalsIgnoreCase(authority(origin))) {
            throw new ApiError(403, "拒绝来自其他网站页面的修改请求。");
        }
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1");
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
